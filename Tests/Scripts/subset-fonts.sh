#!/bin/sh
# Makes the theme's web fonts from Debian's packages: Charis SIL (prose) and Inter (interface),
# subset to the Latin letters English and Dutch use, as woff2 inside assets/fonts/fonts.css
# (data: addresses, because a browser refuses font files to a page opened from disk), with their
# licences beside it. Bold italic and Inter's bold are left out: the nearest weights stand in (600 for 700).
# The families are named "Handbook Serif" and "Handbook Sans", so that an installed Charis SIL or Inter
# can never stand in for them (WeasyPrint mixes same-named system fonts into the booklet's PDF).
#   apt-get install -y fonts-sil-charis fonts-inter && pip install fonttools brotli
#   sh Tests/Scripts/subset-fonts.sh
set -eu
out=themes/default/assets/fonts
work=$(mktemp -d)
mkdir -p "$out"
letters="U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+0178,U+02C6,U+02DA,U+02DC,U+2010-2014,U+2018-201A,U+201C-201E,U+2020-2022,U+2026,U+2030,U+2039-203A,U+20AC,U+2122,U+2190-2194,U+2212,U+25A0,U+25C6,U+25E6"
subset() { # source, target, features
    python3 -m fontTools.subset "$1" --unicodes="$letters" --layout-features="$3" --no-hinting --desubroutinize \
        --flavor=woff2 --output-file="$work/$2.woff2" 2>/dev/null
    # A subset is a Modified Version under the OFL, which may not carry a Reserved Font Name
    # (Charis SIL reserves "Charis" and "SIL"; Inter reserves none): Charis's own names become
    # Handbook Serif. The copyright, trademark and licence records stay as they are.
    python3 - "$work/$2.woff2" <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1])
for record in font["name"].names:
    if record.nameID in (1, 3, 4, 6, 16, 17, 18):
        text = str(record)
        for old, new in (("Charis SIL", "Handbook Serif"), ("CharisSIL", "HandbookSerif"), ("SIL International: ", "")):
            text = text.replace(old, new)
        record.string = text
font.save(sys.argv[1])
PY
}
for style in Regular:regular Italic:italic Bold:bold; do
    subset "/usr/share/fonts/truetype/charis/CharisSIL-${style%%:*}.ttf" "charis-${style##*:}" "kern,liga,onum,lnum,tnum,pnum"
done
for weight in Regular:regular SemiBold:semibold; do
    subset "/usr/share/fonts/opentype/inter/Inter-${weight%%:*}.otf" "inter-${weight##*:}" "kern,liga,tnum,calt"
done
cp /usr/share/doc/fonts-sil-charis/copyright "$out/LICENSE-charis-sil.txt"
cp /usr/share/doc/fonts-inter/copyright "$out/LICENSE-inter.txt"
python3 - "$work" "$out/fonts.css" <<'PY'
import base64, sys
work, target = sys.argv[1:3]
faces = [("Handbook Serif", "charis-regular", "400", "normal"), ("Handbook Serif", "charis-italic", "400", "italic"),
         ("Handbook Serif", "charis-bold", "700", "normal"), ("Handbook Sans", "inter-regular", "400", "normal"),
         ("Handbook Sans", "inter-semibold", "600", "normal")]
with open(target, "w") as css:
    css.write("/* Charis SIL (Handbook Serif) and Inter (Handbook Sans), SIL Open Font License 1.1 (LICENSE-*.txt\n"
              "   beside this file), subset by Tests/Scripts/subset-fonts.sh from Debian's fonts-sil-charis and\n"
              "   fonts-inter. Their own names, so that no installed font stands in for them. */\n")
    for family, name, weight, style in faces:
        data = base64.b64encode(open("%s/%s.woff2" % (work, name), "rb").read()).decode()
        css.write('@font-face { font-family: "%s"; font-style: %s; font-weight: %s; '
                  'src: url(data:font/woff2;base64,%s) format("woff2"); }\n' % (family, style, weight, data))
PY
rm -r "$work"
ls -l "$out"
