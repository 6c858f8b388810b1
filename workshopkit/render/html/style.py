"""The web editions' one stylesheet, inlined in every file.

Phone first: one column, text at the reader's own size, tables in their own scrolling
region so the page never scrolls sideways (390 px wide, or 200 % zoom). Colours are
fixed and checked: every text/background pair is at least 4.5:1, in light and dark
schemes. Logical properties (``margin-inline-start``) mirror the layout for
right-to-left languages. No web font is embedded: the reader's own fonts draw every
script, and the file stays small enough to send by a messenger.
"""

CSS = """
:root{--fg:#1f1f1f;--bg:#fff;--muted:#545454;--link:#0a4f8c;--line:#767676;
--soft:#f3f5f8;--accent:#b3431d;--focus:#0a4f8c;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#141414;--muted:#c2c2c2;
--link:#9cc7ff;--line:#9a9a9a;--soft:#222a33;--accent:#ff9a73;--focus:#ffd479}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.55 system-ui,-apple-system,
"Segoe UI",Roboto,"Noto Sans","DejaVu Sans","Noto Naskh Arabic",sans-serif;
overflow-wrap:break-word}
header,main,footer,nav.toc{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.25rem;border-bottom:3px solid var(--accent)}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0}
h2{font-size:1.4rem;line-height:1.25;margin:2.25rem 0 .5rem;padding-top:.5rem;
border-top:1px solid var(--line)}
h3{font-size:1.2rem;margin:1.75rem 0 .4rem}
h4{font-size:1.05rem;margin:1.25rem 0 .3rem}
h5{font-size:1rem;margin:1rem 0 .25rem}
.second{color:var(--muted)}
h1 .second,h2 .second,h3 .second,h4 .second,h5 .second{display:block;font-weight:normal;
font-size:.85em}
p.second,li .second,dd.second{margin-top:-.25rem}
.meta{color:var(--muted);font-size:.95rem}
a{color:var(--link);text-decoration-thickness:.08em;text-underline-offset:.15em}
a:focus-visible,input:focus-visible,textarea:focus-visible,summary:focus-visible,
[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;inset-inline-start:.5rem;top:-4rem;background:var(--bg);color:var(--link);
padding:.5rem .75rem;border:2px solid var(--focus);z-index:10}
.skip:focus{top:.5rem}
nav.toc ol{padding-inline-start:1.25rem;margin:.25rem 0}
nav.toc li{margin:.25rem 0}
ul,ol{padding-inline-start:1.4rem}
li{margin:.2rem 0}
.line{display:block}
img{max-width:100%;height:auto;display:block}
figure{margin:1rem 0}
figcaption{color:var(--muted);font-size:.9rem}
blockquote{margin:1rem 0;padding:.25rem 1rem;border-inline-start:4px solid var(--accent)}
.scroll{overflow-x:auto;max-width:100%;margin:.75rem 0}
table{border-collapse:collapse;min-width:50%}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:start;vertical-align:top;
overflow-wrap:anywhere}
th{background:var(--soft)}
.slide,.card,.note{border-inline-start:4px solid var(--line);padding:.1rem 0 .1rem .9rem;
margin:1rem 0}
.note{border-color:var(--accent);background:var(--soft);padding:.5rem .9rem}
.note>.label{font-weight:bold;margin:.2rem 0}
.cols{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
form.worksheet fieldset{border:1px solid var(--line);border-radius:4px;margin:1rem 0;
padding:.5rem .9rem 1rem;min-width:0}
legend{font-weight:bold;padding:0 .25rem;max-width:100%}
label.field{display:block;font-weight:bold;margin:.75rem 0 .25rem}
textarea,input[type=text]{display:block;width:100%;font:inherit;color:inherit;
background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:.5rem}
.choice label{display:flex;gap:.6rem;align-items:flex-start;margin:.45rem 0;min-height:1.75rem}
.choice input{width:1.25rem;height:1.25rem;margin:.2rem 0 0;flex:none}
.hint{color:var(--muted);font-size:.95rem;margin:.2rem 0}
.threat{margin:.75rem 0 1rem}
form.worksheet fieldset.levels{border:0;padding:0;margin:.5rem 0}
.levels legend{font-weight:normal;padding:0}
.levels .choice{display:flex;flex-wrap:wrap;gap:0 1.5rem}
dl dt{font-weight:bold;margin-top:.6rem}
dl dd{margin-inline-start:1.25rem}
.url{overflow-wrap:anywhere;font-size:.9rem;color:var(--muted)}
footer{margin-top:3rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid var(--line);
color:var(--muted);font-size:.9rem}
@media print{
body{font-size:11pt;color:#000;background:#fff}
.skip,nav.toc{display:none}
header,main,footer{max-width:none;padding:0}
a{color:#000}
a.out::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}
h2{break-before:page;border:0}
h2,h3,h4,legend{break-after:avoid}
fieldset,figure,.card,.slide,tr{break-inside:avoid}
textarea{border:0;border-bottom:1px solid #000;resize:none}
.second,.meta,figcaption,.hint,footer{color:#333}
.scroll{overflow:visible}
}
"""
