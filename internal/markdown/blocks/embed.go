package blocks

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// KindEmbed is the kind of embed blocks (section 4.5).
var KindEmbed = ast.NewNodeKind("Embed")

// Embed is the embed block: {% embed url="…" %}, with an optional caption
// as content ({% embed url="…" %}caption{% endembed %}) or, in older
// pages, as a caption argument. Nothing is fetched while building: a video
// of a known host (YouTube, Vimeo, Loom, Wistia, Dailymotion) becomes a
// click-to-load player that loads the host's privacy-friendly player only
// when the reader asks for it (assets/embed.js); any other URL becomes a
// link card with the site's name.
var Embed Def = embedDef{}

type embedDef struct{}

func (embedDef) Names() []string { return []string{"embed"} }

func (embedDef) Extend(m goldmark.Markdown) {
	extendKind(m, KindEmbed, captured(renderEmbed), "embed")
}

// Degrade writes a link on a line of its own: "[caption or URL](url)". A
// caption longer than one paragraph follows the link instead.
func (embedDef) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	raw, _ := n.Tag.Arg("url")
	raw = strings.TrimSpace(raw)
	caption := d.Dedent(inner)
	if legacy, _ := n.Tag.Arg("caption"); strings.TrimSpace(legacy) != "" && len(bytes.TrimSpace(caption)) == 0 {
		caption = []byte(legacy)
	}
	d.Blank()
	if raw == "" {
		d.Write(inner)
		d.Blank()
		return
	}
	if !linkable(raw) {
		d.Line(linkText(raw))
		d.Blank()
		return
	}
	dest := d.Env().Link(raw)
	if text, ok := oneLine(caption); ok {
		d.Line("[" + text + "](" + markdownDest(dest) + ")")
	} else {
		d.Line("[" + linkText(raw) + "](" + markdownDest(dest) + ")")
		if len(bytes.TrimSpace(caption)) > 0 {
			d.Blank()
			d.Quote("", bytes.TrimSpace(caption))
		}
	}
	d.Blank()
}

// embedData is what templates/embed.html gets.
type embedData struct {
	URL     string // the link as resolved; "" when it cannot be
	Display string // the URL as shown: no scheme, no trailing slash
	Site    string // the site's name: "YouTube", "GitHub", "example.com"
	Icon    string // Font Awesome name of the site
	// Player is the address of the video player to load on demand, or ""
	// for a link card.
	Player string
	// PlayerHost is the host the player loads from, which the card names
	// so the reader knows before playing.
	PlayerHost string
	Portrait   bool // a vertical video (YouTube Shorts)
	External   bool
	FullWidth  bool
	Caption    template.HTML
}

func renderEmbed(env Env, _ ast.Node, b *Block, body template.HTML, _ []any) error {
	args := &argReader{env: env, block: "embed", tag: b.Tag}
	raw := args.str("url")
	data := embedData{FullWidth: args.flag("fullWidth"), Caption: body}
	if legacy := args.str("caption"); legacy != "" {
		data.Caption = env.Markdown(legacy) + body
	}
	if raw == "" {
		args.problem(argOffset(b.Tag, "url"), "embed without a url", `write {% embed url="https://…" %}`)
		args.done("url", "caption", "fullWidth")
		_, _ = env.WriteString(string(body))
		return nil
	}
	if linkable(raw) {
		data.URL, _ = env.Link(raw, argOffset(b.Tag, "url"))
	} else {
		args.problem(argOffset(b.Tag, "url"), "embed url "+quote(raw)+" is not a web address", `write a URL starting with "https://"`)
	}
	args.done("url", "caption", "fullWidth")
	data.Display = displayURL(raw)
	data.External = strings.HasPrefix(raw, "https://") || strings.HasPrefix(raw, "http://")
	data.Site, data.Icon = siteOf(raw)
	if v, ok := videoOf(raw); ok {
		data.Site, data.Icon = v.site, v.icon
		data.Player, data.PlayerHost, data.Portrait = v.player, v.playerHost, v.portrait
	}
	return env.Exec("embed.html", data)
}

// displayURL returns u without its scheme and trailing slash, as cards
// show it.
func displayURL(u string) string {
	for _, p := range []string{"https://", "http://"} {
		if s, ok := strings.CutPrefix(u, p); ok {
			u = s
			break
		}
	}
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimSuffix(u, "/")
}

// knownSites names the sites link cards recognise, by host without
// "www.", with their icon.
var knownSites = map[string][2]string{
	"github.com":        {"GitHub", "github"},
	"gist.github.com":   {"GitHub Gist", "github"},
	"gitlab.com":        {"GitLab", "gitlab"},
	"bitbucket.org":     {"Bitbucket", "bitbucket"},
	"codepen.io":        {"CodePen", "codepen"},
	"jsfiddle.net":      {"JSFiddle", "jsfiddle"},
	"figma.com":         {"Figma", "figma"},
	"x.com":             {"X", "x-twitter"},
	"twitter.com":       {"X", "x-twitter"},
	"open.spotify.com":  {"Spotify", "spotify"},
	"soundcloud.com":    {"SoundCloud", "soundcloud"},
	"docs.google.com":   {"Google Docs", "google"},
	"drive.google.com":  {"Google Drive", "google-drive"},
	"stackoverflow.com": {"Stack Overflow", "stack-overflow"},
	"medium.com":        {"Medium", "medium"},
	"linkedin.com":      {"LinkedIn", "linkedin"},
	"npmjs.com":         {"npm", "npm"},
	"trello.com":        {"Trello", "trello"},
	"youtube.com":       {"YouTube", "youtube"},
	"youtu.be":          {"YouTube", "youtube"},
	"vimeo.com":         {"Vimeo", "vimeo-v"},
	"dailymotion.com":   {"Dailymotion", "dailymotion"},
	"loom.com":          {"Loom", "circle-play"},
	"en.wikipedia.org":  {"Wikipedia", "wikipedia-w"},
	"reddit.com":        {"Reddit", "reddit"},
	"discord.com":       {"Discord", "discord"},
	"hub.docker.com":    {"Docker Hub", "docker"},
}

// siteOf returns the name and icon a link card shows for u: a known
// site's, or the host's own name.
func siteOf(u string) (name, icon string) {
	host := hostOf(u)
	if host == "" {
		return displayURL(u), "link"
	}
	if s, ok := knownSites[host]; ok {
		return s[0], s[1]
	}
	if strings.HasSuffix(host, ".slack.com") {
		return "Slack", "slack"
	}
	if strings.HasSuffix(host, ".atlassian.net") {
		return "Atlassian", "atlassian"
	}
	return host, "globe"
}

// oneLine returns a caption as link text when it is a single paragraph
// that can stand inside [ ]: its lines joined by spaces.
func oneLine(caption []byte) (string, bool) {
	caption = bytes.TrimSpace(caption)
	if len(caption) == 0 || bytes.Contains(caption, []byte("\n\n")) || !plainLine(caption) {
		return "", false
	}
	var words []string
	for line := range bytes.Lines(caption) {
		if t := strings.TrimSpace(string(line)); t != "" {
			words = append(words, t)
		}
	}
	text := strings.Join(words, " ")
	if strings.ContainsAny(text, "[]") {
		return "", false
	}
	return text, true
}

// linkText returns plain text, such as a URL, fit to stand between [ and ]
// of a Markdown link.
func linkText(s string) string {
	return backslashEscape(s, "\\[]`*<")
}

// linkable reports whether a block may link to u: a web or mail address,
// or a path in the book; not a javascript: or data: URL.
func linkable(u string) bool {
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || strings.ContainsAny(scheme, "/?#") {
		return true
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// markdownDest returns u as the destination of a Markdown link: in angle
// brackets when it holds spaces or parentheses.
func markdownDest(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}
