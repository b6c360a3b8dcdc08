package blocks

import "testing"

func TestVideoPlayers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ url, player string }{
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"},
		{"https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=75", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=75"},
		{"https://youtu.be/dQw4w9WgXcQ?t=1h2m3s", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=3723"},
		{"https://www.youtube.com/shorts/aBcDeFgHiJk", "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?autoplay=1"},
		{"https://www.youtube.com/live/aBcDeFgHiJk?feature=share", "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?autoplay=1"},
		{"https://www.youtube-nocookie.com/embed/aBcDeFgHiJk", "https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?autoplay=1"},
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLx0sYbCqOb8", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&list=PLx0sYbCqOb8"},
		{"https://www.youtube.com/playlist?list=PLx0sYbCqOb8", "https://www.youtube-nocookie.com/embed/videoseries?autoplay=1&list=PLx0sYbCqOb8"},
		{"https://www.youtube.com/watch?v=bad<id>", ""},
		{"https://www.youtube.com/playlist", ""},
		{"https://www.youtube.com/@channel", ""},
		{"https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"},
		{"https://vimeo.com/76979871/7a0c8c1cb1", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=7a0c8c1cb1"},
		{"https://player.vimeo.com/video/76979871?h=7a0c8c1cb1", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=7a0c8c1cb1"},
		{"https://vimeo.com/groups/acme/videos/76979871", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"},
		{"https://vimeo.com/acme", ""},
		{"https://www.loom.com/share/0281766fa2d04bb788eaf19e65135184?sid=1", "https://www.loom.com/embed/0281766fa2d04bb788eaf19e65135184"},
		{"https://fast.wistia.net/embed/iframe/e4a27b971d", "https://fast.wistia.net/embed/iframe/e4a27b971d?autoPlay=true&doNotTrack=true"},
		{"https://dai.ly/x7tgad0", "https://www.dailymotion.com/embed/video/x7tgad0?autoplay=1"},
		{"https://example.com/watch?v=dQw4w9WgXcQ", ""},
		{"youtube.com/watch?v=dQw4w9WgXcQ", ""},
	} {
		v, ok := videoOf(tc.url)
		if v.player != tc.player || ok != (tc.player != "") {
			t.Errorf("videoOf(%q) = %q, %v; want %q", tc.url, v.player, ok, tc.player)
		}
	}
}
