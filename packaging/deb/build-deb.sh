#!/usr/bin/env bash
# Packs the runtime image (packaging/image/build-image.sh) into a .deb with jpackage:
#
#   packaging/deb/build-deb.sh IMAGE_DIR [--jdk DIR] [--out DIR]
#
# Installs the image under /opt/bedrock-setup and links /usr/bin/bedrock-setup to its launcher (resources/postinst;
# resources/prerm removes the link). Needs a JDK 25 (jpackage) and dpkg-deb and fakeroot (apt-get install
# dpkg-dev fakeroot). The image's AOT cache comes along unchanged: it is valid wherever the image is put.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
jdk="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$here/target/dist"
[ $# -ge 1 ] || { echo "usage: packaging/deb/build-deb.sh IMAGE_DIR [--jdk DIR] [--out DIR]" >&2; exit 2; }
image="$(cd "$1" && pwd -P)"
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --jdk) jdk="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: packaging/deb/build-deb.sh IMAGE_DIR [--jdk DIR] [--out DIR]" >&2; exit 2 ;;
  esac
done
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null 2>&1 || { echo "build-deb: $tool is missing (apt-get install dpkg-dev fakeroot)" >&2; exit 3; }
done
version="$("$image/bin/bedrock-setup" --version | awk '{print $2}')"
mkdir -p "$out"
"$jdk/bin/jpackage" --type deb --app-image "$image" --name bedrock-setup --dest "$out" \
  --app-version "${version//-/\~}" --install-dir /opt --linux-package-name bedrock-setup \
  --description "Set up Claude Code on Amazon Bedrock, check it, and undo it exactly" \
  --vendor "bedrock-setup contributors" --about-url https://github.com/bedrock-setup/bedrock-setup \
  --license-file "$here/LICENSE" --linux-app-category utils --resource-dir "$here/packaging/deb/resources"
ls "$out"/bedrock-setup_*.deb
