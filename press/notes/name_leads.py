"""Where a name with no title before it starts, besides ranks, honorifics and credits:
a name followed by its degrees, a name opening a clause before the post it held, the
one an official replaces; and where a capitalised phrase in apposition is a theme, not a
person. Standard library only."""

from __future__ import annotations

import re

# A name with degrees after it, standing after a comma, a bracket, a quote mark or a
# lower-case word ("diketuai Nurul Husna, S.Sos.", "Bidan Desa, Nurlia Amd.Keb,"): the
# degrees make it a person; the name is read and kept only if degrees follow it.
BEFORE_DEGREES = re.compile(r"(?:[,(“\"]|(?<![\w-])(?!dan\b|serta\b|atau\b)[a-z]+)[ \t]*\b(?=[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3},?[ \t]+"
                            r"(?:[A-Z][A-Za-z]{0,3}[.,]|[A-Z]{2,4}\b))")
# A name opening a clause before the post it held ("Agus Wicaksono yang sebelumnya Camat
# Jenu", "Kemudian Budi dari Camat Bancar bergeser"): a person when a title follows.
BEFORE_FORMER_POST = re.compile(r"(?:^|[.,;][ \t]+|\b(?:dan|serta|[Kk]emudian|[Ss]ementara)[ \t]+)(?!(?:[Kk]emudian|[Ss]ementara)\b)([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){1,3})[ \t]+"
                                r"(?:yang[ \t]+(?:sebelumnya|semula)|dari)[ \t]+", re.M)
# A theme or motto named in apposition ("Tema tahun ini, Rumeksa Budaya Menoreh, …"), or
# a noble or adat title conferred ("Gelar yang dianugerahkan yakni Datu Perdana Setia Negeri").
THEME_BEFORE = re.compile(r"\b(?i:tema|bertema|bertajuk|berjudul|slogan|motto|semboyan|tagline)\b[^,.;\n]{0,20},?[ \t]*$"
                          r"|\b(?i:gelar|bergelar|gelarnya)\b[^,.;\n]{0,30}[ \t]$")
# "Salah satu penerima, Siti Aminah …", "Salah seorang pengelola RPTRA Kalijodo Baru, Siti
# Nurjanah, …": the name after the first comma is the one of them the note names.
# The one an official replaces, named bare after the verb ("dilantik menggantikan Yohanis
# Pattiasina yang memasuki masa pensiun"): a person, when two name words follow.
REPLACED = re.compile(r"m(?<!\wm)enggantikan[ \t]+(?=[A-Z][a-z]+[ \t]+[A-Z][a-z])")
ONE_OF = re.compile(r"[Ss](?<!\w[Ss])alah[ \t]+(?:satu|seorang)\b[^,.;\n\"“”]{1,80},[ \t]*(?=[A-Z])")
