// Frise: instant filtering of the chronology on the home page and on each
// year's page. Without this script every event is listed (a long timeline's
// home page lists the latest; data-of on #chrono says so), and the filters are links to
// the term pages; with it, the search box and the three lists filter the
// events in place, the address keeps the choice (?q=…&actor=…), and the
// count is announced. Everything it needs is in the page: each event item
// carries its folded words (data-s) and the slugs of its actors, places and
// topics (data-a, data-p, data-t).
(function () {
  'use strict';
  var form = document.getElementById('finder');
  var chrono = document.getElementById('chrono');
  if (!form || !chrono || !''.normalize) return;

  // fold must match the site's Go Fold: no accents, lower case, only
  // letters and digits.
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss')
      .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }

  var q = form.elements.q;
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  var count = document.getElementById('f-count');
  var none = document.getElementById('none');

  // The lists' choices are the browsing links, read once.
  selects.forEach(function (sel) {
    var list = document.getElementById(sel.getAttribute('data-list'));
    if (!list) return;
    list.querySelectorAll('a[data-v]').forEach(function (a) {
      sel.add(new Option(a.textContent, a.getAttribute('data-v')));
    });
  });

  var sections = Array.prototype.slice.call(chrono.querySelectorAll('section'));
  var bars = Array.prototype.slice.call(document.querySelectorAll('.bars a'));
  var items = [];
  sections.forEach(function (sec, i) {
    sec.querySelectorAll('li.ev').forEach(function (li) {
      items.push({
        li: li, sec: i,
        s: ' ' + (li.getAttribute('data-s') || ''),
        a: ' ' + (li.getAttribute('data-a') || '') + ' ',
        p: ' ' + (li.getAttribute('data-p') || '') + ' ',
        t: ' ' + (li.getAttribute('data-t') || '') + ' '
      });
    });
  });

  function plural(n) { return n + (n > 1 ? ' événements' : ' événement'); }

  function apply() {
    var words = fold(q.value).split(' ').filter(Boolean);
    var wanted = selects.filter(function (s) { return s.value; });
    var shown = sections.map(function () { return 0; });
    var n = 0;
    items.forEach(function (it) {
      var ok = words.every(function (w) { return it.s.indexOf(w) >= 0; }) &&
        wanted.every(function (s) { return it[s.getAttribute('data-k')].indexOf(' ' + s.value + ' ') >= 0; });
      it.li.hidden = !ok;
      if (ok) { n++; shown[it.sec]++; }
    });
    sections.forEach(function (sec, i) { sec.hidden = shown[i] === 0; });
    // The overview's bars of years with nothing to show are dimmed.
    var filtered = words.length > 0 || wanted.length > 0;
    bars.forEach(function (a) {
      var i = sections.findIndex(function (sec) { return '#' + sec.id === a.getAttribute('href'); });
      a.parentNode.classList.toggle('off', filtered && i >= 0 && shown[i] === 0);
    });
    none.hidden = n > 0;
    count.textContent = filtered
      ? (n === 0 ? 'Aucun événement sur ' + items.length : plural(n) + ' sur ' + items.length)
      : chrono.getAttribute('data-of') || plural(items.length) + ', du plus ancien au plus récent';
  }

  // The address: ?q=…&actor=…&place=…&topic=…
  function toURL() {
    var p = new URLSearchParams();
    if (q.value.trim()) p.set('q', q.value.trim());
    selects.forEach(function (s) { if (s.value) p.set(s.name, s.value); });
    var qs = p.toString();
    return location.pathname + (qs ? '?' + qs : '');
  }
  function fromURL() {
    var p = new URLSearchParams(location.search);
    q.value = p.get('q') || '';
    selects.forEach(function (s) {
      var v = p.get(s.name) || '';
      s.value = v;
      if (s.value !== v) s.value = '';
    });
  }
  function remember(push) {
    var url = toURL();
    if (url === location.pathname + location.search) return;
    try {
      history[push ? 'pushState' : 'replaceState'](null, '', url);
    } catch (e) { /* some browsers refuse history changes on file:// pages */ }
  }

  // Typing adds one entry to the history, then updates it as it goes;
  // the back button returns to what was shown before.
  var typing = false;
  q.addEventListener('input', function () { apply(); remember(!typing); typing = true; });
  q.addEventListener('change', function () { typing = false; });
  selects.forEach(function (s) {
    s.addEventListener('change', function () { typing = false; apply(); remember(true); });
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); remember(true); });
  form.addEventListener('reset', function () {
    setTimeout(function () { apply(); remember(true); }, 0);
  });
  window.addEventListener('popstate', function () { typing = false; fromURL(); apply(); });

  var set = document.getElementById('f-set');
  if (set) set.disabled = false;
  fromURL();
  apply();
})();
