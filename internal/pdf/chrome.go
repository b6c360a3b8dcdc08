package pdf

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
)

// ErrNoChrome is returned, wrapped, by [FindChrome] and [Print] when no
// Chromium or Chrome can be found.
var ErrNoChrome = errors.New("no Chromium or Chrome found")

// installAdvice tells how to get a browser, appended to [ErrNoChrome].
const installAdvice = "install one (Debian/Ubuntu: apt-get install chromium; " +
	"macOS: brew install --cask chromium, or Google Chrome), " +
	"or point --chrome or $CHROME at its binary"

// chromeNames are the executable names looked up on PATH, in order.
var chromeNames = []string{
	"chromium",
	"chromium-browser",
	"google-chrome",
	"google-chrome-stable",
	"headless-shell",
	"headless_shell",
}

// chromePaths are the usual install paths tried after PATH, in order.
var chromePaths = []string{
	"/Applications/Chromium.app/Contents/MacOS/Chromium",
	"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
	"/usr/bin/chromium",
	"/usr/bin/chromium-browser",
	"/usr/bin/google-chrome",
	"/snap/bin/chromium",
}

// FindChrome returns the path of the browser to print with. It is
// explicit when that is set (the value of a --chrome flag), else the
// environment variable CHROME when set, else the first of the usual names
// on PATH (chromium, chromium-browser, google-chrome, google-chrome-stable,
// headless-shell), else the first usual install path that exists (the
// macOS application bundles of Chromium and Chrome, /usr/bin/chromium,
// /snap/bin/chromium).
//
// An explicit path or $CHROME that is not an executable file is an error
// that names it. When nothing is found the error wraps [ErrNoChrome] and
// says how to install a browser.
func FindChrome(explicit string) (string, error) {
	return FindChromeIn(explicit, InstallPaths())
}

// InstallPaths returns the usual install paths [FindChrome] tries after
// PATH.
func InstallPaths() []string { return append([]string(nil), chromePaths...) }

// FindChromeIn is [FindChrome] with the install paths to try after PATH.
func FindChromeIn(explicit string, installPaths []string) (string, error) {
	if explicit != "" {
		return checkExecutable(explicit, "--chrome")
	}
	if env := os.Getenv("CHROME"); env != "" {
		return checkExecutable(env, "$CHROME")
	}
	for _, name := range chromeNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range installPaths {
		if _, err := checkExecutable(p, ""); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: looked for %v on PATH and in the usual install paths; %s",
		ErrNoChrome, chromeNames, installAdvice)
}

// checkExecutable returns path when it names an executable regular file,
// else an error that says which setting (from) gave the bad path.
func checkExecutable(path, from string) (string, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("browser %q given by %s does not exist", path, from)
	case err != nil:
		return "", fmt.Errorf("browser %q given by %s: %w", path, from, err)
	case fi.IsDir():
		return "", fmt.Errorf("browser %q given by %s is a directory, not an executable", path, from)
	case fi.Mode().Perm()&0o111 == 0:
		return "", fmt.Errorf("browser %q given by %s is not executable", path, from)
	}
	return path, nil
}
