// Command gen writes the icon data of package icons from the Font Awesome
// Free npm package (@fortawesome/fontawesome-free). It is run by hand, not by
// tests, when the icon set is to be updated:
//
//	cd /tmp && npm pack @fortawesome/fontawesome-free && tar xzf fortawesome-fontawesome-free-*.tgz
//	go run ./internal/gen -o icons.gen.txt.gz -license LICENSE.txt /tmp/package
//
// It reads svgs/{solid,regular,brands}/*.svg and LICENSE.txt and writes a
// gzipped text file (format in package icons) and a copy of the license.
package main
