#!/usr/bin/env bash
# Installs Debian's chromium (and fonts that draw Arabic) for the browser test of the HTML report.
# Idempotent and quiet: does nothing when /usr/bin/chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: /usr/bin/chromium is missing and apt-get is not available; install chromium by hand" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# fonts-noto-core carries Noto Naskh/Sans Arabic: without an Arabic font the screenshot shows boxes.
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null
test -x /usr/bin/chromium || { echo "install-chromium: apt-get ran but /usr/bin/chromium is still missing" >&2; exit 1; }
