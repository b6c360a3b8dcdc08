package blocks

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// video is an embed URL recognised as a video of a known host.
type video struct {
	site, icon string // the host's name and icon
	player     string // the iframe address: privacy-friendly, playing at once
	playerHost string
	portrait   bool
}

// videoID matches the video and playlist IDs the hosts use; anything else
// is not put in a player address.
var videoID = regexp.MustCompile(`^[A-Za-z0-9_-]{2,64}$`)

// hostOf returns the lower-case host of an http(s) URL without "www." or
// "m.", or "" for any other URL.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	h = strings.TrimPrefix(h, "www.")
	return strings.TrimPrefix(h, "m.")
}

// videoOf recognises the video URLs of YouTube (watch, youtu.be, shorts,
// embed, live and playlist forms), Vimeo, Loom, Wistia and Dailymotion.
func videoOf(raw string) (video, bool) {
	host := hostOf(raw)
	if host == "" {
		return video{}, false
	}
	u, _ := url.Parse(raw)
	parts := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	q := u.Query()
	switch {
	case host == "youtube.com" || host == "music.youtube.com" || host == "youtube-nocookie.com" || host == "youtu.be":
		return youtube(host, parts, q)
	case host == "vimeo.com" || host == "player.vimeo.com":
		return vimeo(parts, q)
	case host == "loom.com":
		if len(parts) == 2 && (parts[0] == "share" || parts[0] == "embed") && videoID.MatchString(parts[1]) {
			return video{site: "Loom", icon: "circle-play", player: "https://www.loom.com/embed/" + parts[1], playerHost: "loom.com"}, true
		}
	case host == "wi.st" || host == "wistia.com" || host == "wistia.net" ||
		strings.HasSuffix(host, ".wistia.com") || strings.HasSuffix(host, ".wistia.net") || strings.HasSuffix(host, ".wi.st"):
		if id := after(parts, "medias", "iframe"); videoID.MatchString(id) {
			return video{site: "Wistia", icon: "circle-play", player: "https://fast.wistia.net/embed/iframe/" + id + "?autoPlay=true&doNotTrack=true", playerHost: "fast.wistia.net"}, true
		}
	case host == "dailymotion.com" || host == "dai.ly":
		id := after(parts, "video")
		if host == "dai.ly" && len(parts) == 1 {
			id = parts[0]
		}
		id, _, _ = strings.Cut(id, "_") // dailymotion.com/video/x7tgad0_a-title
		if videoID.MatchString(id) {
			return video{site: "Dailymotion", icon: "dailymotion", player: "https://www.dailymotion.com/embed/video/" + id + "?autoplay=1", playerHost: "dailymotion.com"}, true
		}
	}
	return video{}, false
}

// after returns the path segment after the first of names, or "".
func after(parts []string, names ...string) string {
	for i, p := range parts[:max(len(parts)-1, 0)] {
		for _, n := range names {
			if p == n {
				return parts[i+1]
			}
		}
	}
	return ""
}

// youtube plays on youtube-nocookie.com, which sets no cookies until
// the video plays.
func youtube(host string, parts []string, q url.Values) (video, bool) {
	v := video{site: "YouTube", icon: "youtube", playerHost: "youtube-nocookie.com"}
	var id string
	switch {
	case host == "youtu.be" && len(parts) == 1:
		id = parts[0]
	case len(parts) == 1 && parts[0] == "watch":
		id = q.Get("v")
	case len(parts) == 2 && parts[0] == "shorts":
		id, v.portrait = parts[1], true
	case len(parts) == 2 && (parts[0] == "embed" || parts[0] == "live" || parts[0] == "v" || parts[0] == "e"):
		id = parts[1]
	case len(parts) == 1 && parts[0] == "playlist":
		id = "videoseries"
	}
	list := q.Get("list")
	if id == "" || id == "videoseries" && list == "" || !videoID.MatchString(id) {
		return video{}, false
	}
	v.player = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1"
	if list != "" && videoID.MatchString(list) {
		v.player += "&list=" + list
	}
	start := q.Get("start")
	if start == "" {
		start = q.Get("t")
	}
	if s := seconds(start); s > 0 {
		v.player += "&start=" + strconv.Itoa(s)
	}
	return v, true
}

// seconds reads a YouTube start time: "90", "90s" or "1h2m3s"; 0 when it
// is none of these.
func seconds(t string) int {
	if n, err := strconv.Atoi(t); err == nil {
		return max(n, 0)
	}
	total, n, digits := 0, 0, false
	for _, c := range t {
		switch {
		case c >= '0' && c <= '9':
			n, digits = n*10+int(c-'0'), true
		case digits && (c == 'h' || c == 'm' || c == 's'):
			total += n * map[rune]int{'h': 3600, 'm': 60, 's': 1}[c]
			n, digits = 0, false
		default:
			return 0
		}
	}
	if digits {
		return 0
	}
	return total
}

// vimeo plays on player.vimeo.com with dnt=1, which tells Vimeo not to
// track the session. An unlisted video keeps its hash.
func vimeo(parts []string, q url.Values) (video, bool) {
	for i := len(parts) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(parts[i]); err != nil || len(parts[i]) > 15 {
			continue
		}
		if i == 0 && len(parts) > 2 {
			break // vimeo.com/123/videos/…: a user page, not a video
		}
		v := video{site: "Vimeo", icon: "vimeo-v", playerHost: "player.vimeo.com",
			player: "https://player.vimeo.com/video/" + parts[i] + "?autoplay=1&dnt=1"}
		hash := q.Get("h")
		if i+1 < len(parts) {
			hash = parts[i+1]
		}
		if hash != "" && videoID.MatchString(hash) {
			v.player += "&h=" + hash
		}
		return v, true
	}
	return video{}, false
}
