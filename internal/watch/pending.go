package watch

import (
	"strings"
	"time"
)

// pending gathers the changes of the batch being built.
type pending struct {
	// paths maps each changed path to whether its first event in the batch
	// created it; such a path is left out if it is gone by the end.
	paths    map[string]bool
	first    time.Time // when the first change arrived
	now      time.Time // when the event being handled arrived
	adds     int       // changes added, to tell whether an event added any
	overflow bool
}

func newPending() *pending {
	return &pending{paths: make(map[string]bool)}
}

// empty reports whether nothing was gathered yet.
func (p *pending) empty() bool {
	return len(p.paths) == 0 && !p.overflow
}

// add records a change to rel; created says the event made it appear.
func (p *pending) add(rel string, created bool) {
	p.touch()
	if _, seen := p.paths[rel]; !seen {
		p.paths[rel] = created
	}
}

// setOverflow records that events were lost.
func (p *pending) setOverflow() {
	p.touch()
	p.overflow = true
}

func (p *pending) touch() {
	if p.empty() {
		p.first = p.now
	}
	p.adds++
}

// dropUnder forgets the changes to dir and everything below it.
func (p *pending) dropUnder(dir string) {
	for rel := range p.paths {
		if within(rel, dir) {
			delete(p.paths, rel)
		}
	}
}

// within reports whether the relative path rel is dir or lies below it.
func within(rel, dir string) bool {
	return dir == "." || rel == dir || strings.HasPrefix(rel, dir+"/")
}
