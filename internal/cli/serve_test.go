package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

func TestServeAnswersPagesRedirectsAndNotFound(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	hbtest.Write(t, src, `
-- .gitbook.yaml --
redirects:
  old/guide: guide/README.md
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide/README.md)
-- README.md --
# Home
-- guide/README.md --
# Guide
`)
	base, stop := startServe(t, "serve", "-q", "--no-git", "--addr", "127.0.0.1:0", filepath.Clean(src))
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tc := range []struct {
		path     string
		status   int
		body     string
		location string
	}{
		{"", 200, "<h1 class=\"hb-title\">Home</h1>", ""},
		{"guide", 200, "<h1 class=\"hb-title\">Guide</h1>", ""},
		{"guide/", 301, "", "/guide"},
		{"old/guide", 301, "", "/guide"},
		{"Guide", 301, "", "/guide"},
		{"nothing/here", 404, "Page not found", ""},
		{"sitemap.xml", 200, "<urlset", ""},
	} {
		resp, err := client.Get(base + tc.path)
		if err != nil {
			t.Fatalf("GET /%s: %v", tc.path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("GET /%s: got status %d, want %d", tc.path, resp.StatusCode, tc.status)
		}
		if !strings.Contains(string(body), tc.body) {
			t.Errorf("GET /%s: body lacks %q", tc.path, tc.body)
		}
		if got := resp.Header.Get("Location"); got != tc.location {
			t.Errorf("GET /%s: got Location %q, want %q", tc.path, got, tc.location)
		}
	}
	stop()
}

// startServe runs "handbook serve" until stop is called, and returns the
// address it prints.
func startServe(t *testing.T, args ...string) (base string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		done <- Main(ctx, args, pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("read address: %v", err)
	}
	go io.Copy(io.Discard, pr)
	return strings.TrimSpace(line[strings.Index(line, "http://"):]), func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("got exit code %d, want 0", code)
		}
	}
}

func TestServeOutsideAHandbookShowsTheBuiltInDocumentation(t *testing.T) {
	t.Chdir(t.TempDir())
	base, stop := startServe(t, "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir())
	defer stop()
	for path, want := range map[string]string{
		"":                            "<title>Introduction | handbook</title>",
		"getting-started/quick-start": "go run ./cmd/handbook serve",
	} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("GET /%s: got status %d, want 200 and %q in the body", path, resp.StatusCode, want)
		}
	}
}

func TestServeKeepsFeedbackInTheDataFolder(t *testing.T) {
	t.Parallel()
	src, data := t.TempDir(), t.TempDir()
	hbtest.Write(t, src, `
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md)
-- README.md --
# Home
-- guide.md --
# Guide
`)
	base, stop := startServe(t, "serve", "-q", "--no-git", "--addr", "127.0.0.1:0", "--data", data, src)
	resp, err := http.Get(base + "guide")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), `data-endpoint="/api/feedback" data-page="/guide"`) {
		t.Error("the page has no widget posting to /api/feedback")
	}
	resp, err = http.Post(base+"api/feedback", "application/json", strings.NewReader(`{"page": "/guide", "rating": "good"}`))
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ ID string }
	err = json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || err != nil || got.ID == "" {
		t.Errorf("POST /api/feedback: got status %d and id %q (%v), want 201 and an id", resp.StatusCode, got.ID, err)
	}
	stop()
	if fi, err := os.Stat(filepath.Join(data, "feedback.db")); err != nil || fi.Size() == 0 {
		t.Errorf("got no feedback database in the data folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(src, ".handbook")); !os.IsNotExist(err) {
		t.Errorf("with --data, the source got a .handbook folder: %v", err)
	}
}

func TestServeWithoutFeedbackHasNoWidgetAndNoAPI(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	hbtest.Write(t, src, `
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
# Home
`)
	base, stop := startServe(t, "serve", "-q", "--no-git", "--no-feedback", "--addr", "127.0.0.1:0", src)
	defer stop()
	resp, err := http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(page), "hb-feedback") {
		t.Error("the page has the feedback widget, want none")
	}
	resp, err = http.Post(base+"api/feedback", "application/json", strings.NewReader(`{"page": "/", "rating": "good"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("POST /api/feedback: got status %d, want 404", resp.StatusCode)
	}
	if _, err := os.Stat(filepath.Join(src, ".handbook")); !os.IsNotExist(err) {
		t.Errorf("without feedback, the source got a .handbook folder: %v", err)
	}
}

func TestServeFailsWhenTheStoreCannotBeOpened(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	hbtest.Write(t, src, `
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
# Home
`)
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	code := Main(context.Background(), []string{"serve", "-q", "--no-git", "--addr", "127.0.0.1:0", "--data", notADir, src}, io.Discard, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "data folder") {
		t.Errorf("got exit code %d and %q, want 1 and an error about the data folder", code, stderr.String())
	}
}
