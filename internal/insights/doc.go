// Package insights serves the feedback insights dashboard at /_insights:
// ratings and scores per page and per section, a trend chart, the latest
// comments and a CSV export, behind an admin token.
//
// # Routes
//
//	GET  /_insights               the dashboard (401 and a login form without auth)
//	GET  /_insights/feedback.csv  the selected entries as CSV
//	POST /_insights/login         form field token; sets the session cookie
//	POST /_insights/logout        clears the session cookie
//	GET  /_insights/insights.css  the dashboard's style sheet
//
// The dashboard and the CSV take the same query: period (7d, 30d, 90d,
// 365d or all; 30d by default) and section (a section of the site, or all).
//
// # Authentication
//
// A request is let in with "Authorization: Bearer TOKEN" or with the
// hb_insights cookie that the login form sets. The cookie's value is
// hex(HMAC-SHA256(key=TOKEN, "handbook insights session")): it needs no
// server state, so replicas share it, and it stops working when the token
// changes. Every comparison is constant-time. Without a token the whole
// area answers 404.
//
// Every response forbids caching and framing and carries a strict
// Content-Security-Policy: nothing external, no scripts, styles only from
// the embedded style sheet. The chart is inline SVG drawn on the server.
package insights
