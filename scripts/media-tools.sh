#!/usr/bin/env bash
# Installs the Debian media tools the bundle's media tests make files with
# (exiftool, ffmpeg/ffprobe, heif-enc/heif-convert, cwebp/dwebp, ImageMagick)
# when one is missing. All of them work offline.
set -euo pipefail
missing=0
for tool in exiftool ffmpeg ffprobe heif-enc heif-convert cwebp dwebp compare; do
  command -v "$tool" >/dev/null || missing=1
done
[ -x /usr/bin/convert ] || missing=1
[ "$missing" = 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
  libimage-exiftool-perl ffmpeg imagemagick libheif-examples webp >/dev/null
