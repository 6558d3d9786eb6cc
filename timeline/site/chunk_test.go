package site

import "testing"

func TestChunks(t *testing.T) {
	year := func(n int) job { return job{p: &page{Year: &yearView{Events: make([]*eventView, n)}}} }
	term := func(n int) job { return job{p: &page{Term: &termView{Events: make([]*eventView, n)}}} }
	event := job{p: &page{}}
	var jobs []job
	for range 1000 {
		jobs = append(jobs, event)
	}
	for range 50 {
		jobs = append(jobs, year(2000)) // a year of a 100,000-event timeline
	}
	for range 300 {
		jobs = append(jobs, term(5))
	}
	for range 40 {
		jobs = append(jobs, term(5000))
	}
	const cores = 2
	cs := chunks(jobs, cores)
	n := 0
	for i, c := range cs {
		for k := range c {
			if &c[k] != &jobs[n] {
				t.Fatalf("chunk %d does not continue the jobs in order at job %d", i, n)
			}
			n++
		}
		if len(c) > chunk {
			t.Errorf("chunk %d has %d jobs, more than %d", i, len(c), chunk)
		}
		if i < len(cs)-1 && len(c) < 2*cores {
			t.Errorf("chunk %d has %d jobs: fewer than two per core", i, len(c))
		}
		w := 0
		for _, j := range c[:len(c)-1] {
			w += j.weight()
		}
		if len(c) > 2*cores && w >= chunk {
			t.Errorf("chunk %d weighs %d before its last job, past %d", i, w, chunk)
		}
	}
	if n != len(jobs) {
		t.Errorf("the chunks hold %d jobs of %d", n, len(jobs))
	}
	if len(chunks(nil, cores)) != 0 {
		t.Error("no jobs should give no chunks")
	}
}
