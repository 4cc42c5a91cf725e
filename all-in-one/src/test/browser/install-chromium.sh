#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium and its WebDriver for the console's browser test (ConsoleIT), which runs
# this script when no browser is found. It installs only where it can: as root, with apt-get. Anywhere else it exits 3
# and the test is skipped with the reason. Idempotent: exits 0 at once when both are present.
set -euo pipefail

if command -v chromium > /dev/null && command -v chromedriver > /dev/null; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "not root: install the packages chromium and chromium-driver to run the browser test" >&2
  exit 3
fi
if ! command -v apt-get > /dev/null; then
  echo "no apt-get: install Chromium and its chromedriver to run the browser test" >&2
  exit 3
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core > /dev/null
command -v chromium && command -v chromedriver
