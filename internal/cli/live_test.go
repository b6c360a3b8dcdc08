package cli

import (
	"bufio"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// sseEvent is one server-sent event.
type sseEvent struct{ name, data string }

// events reads the live reload events of a server at base until the test
// ends.
func events(t testing.TB, base string) <-chan sseEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"_live/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("GET /_live/events: %s", resp.Status)
	}
	ch := make(chan sseEvent, 16)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					ch <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data += strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return ch
}

// next waits for the next event named name, skipping others.
func next(t testing.TB, ch <-chan sseEvent, name string) sseEvent {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatalf("event stream ended before a %q event", name)
			}
			if ev.name == name {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %q event", name)
		}
	}
}

func TestServeReloadsTheBrowserAsFilesChange(t *testing.T) {
	src := t.TempDir()
	hbtest.Write(t, src, `
-- SUMMARY.md --
# Table of contents

* [Home](README.md)
* [Guide](guide.md)
-- README.md --
# Home

Welcome.
-- guide.md --
# Guide

First words.
`)
	base, stop := startServe(t, "serve", "--addr", "127.0.0.1:0", "--no-feedback", "--no-pdf", src)
	defer stop()
	if page := get(t, base+"guide"); !strings.Contains(page, `<script src="/_live/client.js" defer></script>`) {
		t.Fatal("the page has no live reload script")
	}
	ch := events(t, base)

	write := func(name, data string) {
		t.Helper()
		// Written to a scratch file and renamed, as editors save.
		tmp := filepath.Join(src, "."+name+".swp")
		if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(src, name)); err != nil {
			t.Fatal(err)
		}
	}

	write("guide.md", "# Guide\n\nSecond words.\n")
	if ev := next(t, ch, "reload"); ev.data != `{"paths":["/guide"]}` {
		t.Errorf("reload event = %s, want the guide only", ev.data)
	}
	if page := get(t, base+"guide"); !strings.Contains(page, "Second words.") {
		t.Error("the page was not rebuilt")
	}

	write("SUMMARY.md", "# Table of contents\n\nNo list at all.\n")
	ev := next(t, ch, "error")
	if !strings.Contains(ev.data, `"file":"SUMMARY.md"`) || !strings.Contains(ev.data, "lists no page") {
		t.Errorf("error event = %s, want the table of contents' problem", ev.data)
	}
	if page := get(t, base+"guide"); !strings.Contains(page, "Second words.") {
		t.Error("the last good site is not served")
	}

	write("SUMMARY.md", "# Table of contents\n\n* [Home](README.md)\n* [Guide](guide.md)\n* [More](more.md)\n")
	next(t, ch, "ok")
	if ev := next(t, ch, "reload"); ev.data != `{"all":true}` {
		t.Errorf("reload after a whole build = %s, want every page", ev.data)
	}
	if page := get(t, base); !strings.Contains(page, "More") {
		t.Error("the new table of contents is not served")
	}
}
