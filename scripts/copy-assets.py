#!/usr/bin/env python3
"""Copy GOV.UK Frontend's built files into the build as BUILD/assets/.

Usage: copy-assets.py DIST DEST STAMP

DIST is node_modules/govuk-frontend/dist/govuk (installed by `npm ci`,
which `make` runs).  DEST (BUILD/assets) is replaced whole, so a font or
image an older release named differently does not linger; the server
serves DEST at /assets/, the paths GOV.UK's CSS uses in its url()s:

  DIST/assets/fonts/*, images/*, manifest.json -> DEST/fonts/..., ...
  DIST/govuk-frontend.min.{css,js} (+ .map)    -> DEST/

Every url(/assets/...) in the CSS is checked to name a copied file; one
that does not fails the build.  STAMP is written last, on success.

With no DIST (node_modules not installed: a bare `ninja` before any
`npm ci`), it warns, copies nothing and writes no stamp, so the next build
tries again; the build itself does not fail for want of the assets.
Exit status 0, or 1 with a message on stderr.
"""
import os
import re
import shutil
import sys

TOP = ["govuk-frontend.min.css", "govuk-frontend.min.css.map",
       "govuk-frontend.min.js", "govuk-frontend.min.js.map"]
URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def main(dist, dest, stamp):
    if not os.path.isdir(dist):
        print(f"copy-assets: warning: {dist} missing (run `npm ci`, or "
              "`make build`): the web assets are not copied",
              file=sys.stderr)
        return 0
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(os.path.join(dist, "assets"), tmp)
    for name in TOP:
        shutil.copy2(os.path.join(dist, name), os.path.join(tmp, name))

    # The CSS's url()s are absolute (/assets/...): each must be a file here.
    with open(os.path.join(tmp, "govuk-frontend.min.css"),
              encoding="utf-8") as f:
        css = f.read()
    for url in sorted(set(URL.findall(css))):
        if url.startswith("data:"):
            continue
        if not url.startswith("/assets/"):
            print(f"copy-assets: {dist}/govuk-frontend.min.css: url({url}) "
                  "is not under /assets/", file=sys.stderr)
            return 1
        if not os.path.isfile(os.path.join(tmp, url[len("/assets/"):])):
            print(f"copy-assets: {dist}/govuk-frontend.min.css: url({url}) "
                  "names no file in the package", file=sys.stderr)
            return 1

    shutil.rmtree(dest, ignore_errors=True)
    os.rename(tmp, dest)
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(dest + "\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
