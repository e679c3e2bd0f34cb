#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (no browser download from outside the package
# registries). Installs it when missing; needs root or sudo, as on the CI machines.
# A CJK font comes with it, so Japanese and Chinese cards render as text in screenshots.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi micro hei" || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing Debian packages for the browser tests: ${missing[*]}"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
command -v chromium
