package site

// overview is the chart of events per year at the top of the home page:
// one bar per year, drawn at build time as SVG, each a link into the
// chronology.
type overview struct {
	Bars []bar
	Max  int // the most events in a year
}

// bar is one year of the overview.
type bar struct {
	Year   *yearView // nil for a year without events
	Link   string    // where the bar leads: the year on the home page, or its own page
	Label  string
	Count  int
	Height int  // of the bar, out of chartHeight
	Y      int  // where the bar starts, from the top
	Tick   bool // whether the year's label is shown under the axis
	Major  bool // whether it is shown even on a narrow screen
}

// chartHeight is the height of a bar's drawing area, in SVG units.
const chartHeight = 100

// maxGapYears is the longest stretch of years the overview draws in full;
// beyond, it shows only the years that have events.
const maxGapYears = 150

// newOverview draws one bar per year from the first to the last, empty
// years included, unless the timeline spans centuries. Each bar leads to
// its year in the home page's chronology, or to the year's page when the
// chronology is split.
func newOverview(years []*yearView, split bool) overview {
	var o overview
	if len(years) == 0 {
		return o
	}
	for _, y := range years {
		o.Max = max(o.Max, len(y.Events))
	}
	add := func(yv *yearView, year int) {
		b := bar{Year: yv, Label: yearLabel(year)}
		if yv != nil {
			b.Link = "index.html#" + yv.ID
			if split {
				b.Link = yv.URL
			}
			b.Count = len(yv.Events)
			// Every year with an event gets a bar tall enough to see and click.
			b.Height = max(8, b.Count*chartHeight/o.Max)
		}
		b.Y = chartHeight - b.Height
		o.Bars = append(o.Bars, b)
	}
	first, last := years[0].Year, years[len(years)-1].Year
	if last-first+1 > maxGapYears {
		for _, y := range years {
			add(y, y.Year)
		}
	} else {
		i := 0
		for year := first; year <= last; year++ {
			if years[i].Year == year {
				add(years[i], year)
				i++
			} else {
				add(nil, year)
			}
		}
	}
	// Label every year of a short timeline; on a long one, the first, the
	// last and each decade.
	n := len(o.Bars)
	for i := range o.Bars {
		b := &o.Bars[i]
		year := first
		if b.Year != nil {
			year = b.Year.Year
		} else {
			year = first + i
		}
		b.Major = i == 0 || i == n-1 || year%10 == 0 || (n <= 24 && year%5 == 0)
		b.Tick = n <= 12 || b.Major
	}
	return o
}
