package synth

// The vocabulary the generator draws from: French words and phrases that
// read like the news reports Frise is made for. Names are invented.

var firstNames = []string{
	"Alain", "Amélie", "Antoine", "Aïcha", "Bernard", "Brigitte", "Camille", "Chantal",
	"Christophe", "Claire", "Driss", "Élodie", "Émile", "Fatima", "François", "Françoise",
	"Gaëlle", "Gérard", "Hélène", "Hicham", "Inès", "Jacques", "Jeanne", "Karim",
	"Laurence", "Léa", "Louis", "Lucie", "Malika", "Marc", "Marie", "Mathieu",
	"Nadia", "Nicolas", "Noémie", "Omar", "Pascal", "Rachid", "Sophie", "Thierry",
	"Valérie", "Yasmine", "Yves", "Zoé",
}

var lastNames = []string{
	"Aubert", "Barbier", "Benali", "Bertrand", "Blanchard", "Bonnet", "Boucher", "Brun",
	"Carpentier", "Chauvin", "Chevalier", "Clément", "Collin", "Dubois", "Dumas", "Durand",
	"El Amrani", "Faure", "Fontaine", "Garnier", "Gauthier", "Girard", "Guérin", "Hamidi",
	"Henry", "Joly", "Lacroix", "Lambert", "Laurent", "Lefèvre", "Lemaire", "Leroux",
	"Marchand", "Martinez", "Mercier", "Meyer", "Moreau", "Morel", "Nicolas", "Noël",
	"Ouazzani", "Perrin", "Picard", "Renard", "Rey", "Roche", "Rousseau", "Roussel",
	"Sanchez", "Tazi", "Vasseur", "Vidal",
}

var institutionHeads = []string{
	"Ministère", "Direction générale", "Agence", "Haut-commissariat", "Office", "Conseil",
	"Délégation", "Observatoire", "Inspection générale", "Secrétariat d'État",
}

var institutionFields = []string{
	"de l'Intérieur", "des Affaires étrangères", "de la Sécurité intérieure", "des Migrations",
	"des Frontières", "de la Coopération", "de l'Asile", "des Douanes", "de la Pêche",
	"de l'Énergie", "du Commerce extérieur", "de la Justice", "des Transports", "de la Santé",
	"de l'Emploi", "du Logement", "de l'Éducation", "de la Culture", "du Tourisme", "de l'Agriculture",
}

var roles = []string{
	"ministre de l'Intérieur", "ministre des Affaires étrangères", "secrétaire d'État", "préfet",
	"ambassadeur", "porte-parole du gouvernement", "député", "sénatrice", "commissaire européen",
	"directeur de la police", "consul général", "maire", "présidente de région", "juge d'instruction",
}

var countries = []string{
	"France", "Maroc", "Espagne", "Belgique", "Suisse", "Sénégal", "Tunisie", "Canada",
	"Italie", "Portugal", "Algérie", "Mauritanie",
}

var placeStarts = []string{
	"Val", "Mont", "Bel", "Roche", "Fontaine", "Bois", "Clair", "Beau", "Pierre",
	"Ville", "Château", "Port", "Haut", "Grand", "Mar",
}

var placeEnds = []string{
	"mont", "val", "fort", "lac", "rive", "champ", "bourg", "court", "lieu", "mare",
	"pré", "vallon", "sable", "roc", "fleur",
}

var placeQualifiers = []string{"", "", "", "-sur-Mer", "-les-Bains", "-la-Forêt", "-en-Plaine", "-sur-Oued"}

var topicNames = []string{
	"migration irrégulière", "retour", "réadmission", "visas", "asile", "frontières",
	"coopération policière", "coopération judiciaire", "terrorisme", "trafic de drogue",
	"passeurs", "mineurs non accompagnés", "regroupement familial", "travail saisonnier",
	"étudiants étrangers", "diaspora", "aide au développement", "pêche", "agriculture",
	"énergie", "hydrogène vert", "gaz", "commerce", "investissements", "ports",
	"transport maritime", "aviation civile", "tourisme", "culture", "langue française",
	"éducation", "santé", "climat", "eau", "désertification", "sécurité alimentaire",
	"droits humains", "liberté de la presse", "élections", "diplomatie", "défense",
	"renseignement", "cybersécurité", "données personnelles", "état civil", "consulats",
	"rapatriement", "expulsion", "intégration", "naturalisation", "Sahara",
	"Méditerranée", "Sahel", "Union européenne", "Conseil de l'Europe",
}

var publishers = []string{
	"Le Quotidien du Soir", "La Gazette du Littoral", "L'Écho de l'Atlas", "Le Courrier méditerranéen",
	"Nouvelles de Valmonde", "Le Journal des deux rives", "L'Observateur du Sud", "La Dépêche régionale",
}

// subjects open a sentence; an actor's name may take their place.
var subjects = []string{
	"Le gouvernement", "La délégation", "L'autorité de contrôle", "Le porte-parole", "La commission mixte",
	"Le ministère", "Le service consulaire", "La préfecture", "Le Parlement", "Le comité bilatéral",
	"Un haut fonctionnaire", "La présidence", "La négociatrice en chef", "Le groupe de travail", "L'ambassade",
}

var verbs = []string{
	"annonce", "confirme", "examine", "propose", "rejette", "signe", "prépare", "dénonce",
	"salue", "renforce", "suspend", "relance", "présente", "adopte", "détaille", "conteste",
	"finance", "évalue", "prolonge", "reporte",
}

var objects = []string{
	"un accord de coopération", "le plan d'action", "la déclaration commune", "le protocole d'entente",
	"une enveloppe budgétaire", "le calendrier des négociations", "un dispositif de contrôle",
	"le rapport annuel", "une feuille de route", "la liste des priorités", "un programme de formation",
	"le mécanisme de suivi", "une mission d'évaluation", "le cadre juridique", "un fonds commun",
	"la convention bilatérale", "le texte de loi", "un projet pilote", "la charte de partenariat",
	"le bilan des retours",
}

var complements = []string{
	"sur la coopération migratoire", "en matière de sécurité", "avec ses partenaires européens",
	"lors d'une réunion à huis clos", "après plusieurs mois de discussions", "selon une source diplomatique",
	"malgré les réserves de l'opposition", "pour les trois prochaines années", "dans un communiqué publié le soir même",
	"au terme d'une visite officielle", "en présence des deux délégations", "à la demande des élus locaux",
	"sans préciser de montant", "avec un budget de plusieurs millions d'euros", "dans un climat tendu",
	"au nom de la solidarité régionale", "pour répondre à la hausse des arrivées", "à l'issue du conseil des ministres",
	"devant la presse", "dans l'attente d'un vote",
}

var openers = []string{
	"Par ailleurs,", "Selon les observateurs,", "Dans la foulée,", "De son côté,", "En parallèle,",
	"Quelques jours plus tard,", "Pour la première fois,", "Comme prévu,", "À cette occasion,", "Toutefois,",
}

var closers = []string{
	"Les détails doivent être rendus publics dans les prochaines semaines",
	"Aucune date n'a encore été fixée pour la suite des travaux",
	"L'opposition réclame un débat au Parlement",
	"Les associations saluent un premier pas mais restent prudentes",
	"Le texte entre en vigueur au début de l'année suivante",
	"Une nouvelle réunion est prévue avant la fin du semestre",
	"Les chiffres publiés restent contestés par plusieurs experts",
	"Les deux parties se disent satisfaites des échanges",
}
