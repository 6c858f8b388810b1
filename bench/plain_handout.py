"""The baseline the video handout is measured against: a plain script with qrcode and
reportlab that draws the same cards (title, duration, QR code, URL; six a page, 2 x 3 on
Letter), with nothing else.  Usage: python bench/plain_handout.py N OUT.pdf"""
from __future__ import annotations

import sys

import qrcode
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas


def main(n: int, out: str) -> None:
    c = canvas.Canvas(out, pagesize=letter, invariant=1)
    w, h = letter
    cw, ch = (w - 92) / 2, (h - 140) / 3
    for v in range(n):
        if v and v % 6 == 0:
            c.showPage()
        col, row = v % 2, (v % 6) // 2
        x, y = 46 + col * cw, h - 70 - (row + 1) * ch
        url = f"https://video.example.org/w/clip-{v + 1}?t=30"
        matrix = qrcode.QRCode(border=4)
        matrix.add_data(url)
        matrix.make()
        cells = matrix.get_matrix()
        module = 2.3
        for r, line in enumerate(cells):
            for k, dark in enumerate(line):
                if dark:
                    c.rect(x + 10 + k * module, y + ch - 10 - (r + 1) * module, module, module,
                           stroke=0, fill=1)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(x + 10 + len(cells) * module + 8, y + ch - 24, f"Video {v + 1}")
        c.setFont("Helvetica", 9.5)
        c.drawString(x + 10 + len(cells) * module + 8, y + ch - 40, "Duration: 4:30")
        c.setFont("Helvetica", 8.5)
        c.drawString(x + 10, y + 20, url)
    c.save()


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
