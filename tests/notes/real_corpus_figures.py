"""The figures the notes modelled on real releases were measured at, round by round (F1 of
people, people with title and direct-quote speaker, and counts of non-people), which the
corpus guards read (less MARGIN of test_notes_real_corpus.py). The names say what each holds:

- ROUNDn_TUNING_AT_FREEZE: all the notes round n tuned on, at its "Frozen rules (round n):"
  commit (round 1: TUNING_AT_FREEZE, its 40 tuning notes of tests/notes/real);
- ROUNDn_HELD_BACK_AT_FREEZE and ROUNDn_HELD_BACK_NON_PEOPLE: the folder round n held back,
  annotated after that freeze and measured once (round 1: HELD_BACK_AT_FREEZE, its 20 held-back
  notes; None until the annotator writes them);
- REALn_TUNED and REALn_TUNED_NON_PEOPLE: that held-back folder again at the next round's freeze,
  after the next round tuned on it (round 3's REAL2_AT_ROUND3_FREEZE for real2).

How each round went (its conventions, rules and misses) is told in docs/extraction.md, "Evaluation
protocol" and the sections of each round."""

# F1 on round 1's 40 tuning notes at its "Frozen rules:" commit (9e1fc17).
TUNING_AT_FREEZE = {"people": 0.896, "people-with-title": 0.870, "direct-quote-speaker": 0.863}
# F1 on round 1's 20 held-back notes, measured once when they were annotated after the freeze at 9e1fc17.
HELD_BACK_AT_FREEZE = {"people": 0.760, "people-with-title": 0.674, "direct-quote-speaker": 0.726}
# F1 on all 60 notes of tests/notes/real at round 2's "Frozen rules (round 2):" commit.
ROUND2_TUNING_AT_FREEZE = {"people": 0.961, "people-with-title": 0.939, "direct-quote-speaker": 0.954}
# F1 on tests/notes/real2, measured once when its notes are annotated after round 2's freeze.
ROUND2_HELD_BACK_AT_FREEZE = {"people": 0.856, "people-with-title": 0.806, "direct-quote-speaker": 0.696}
# F1 on all 84 notes of tests/notes/real and tests/notes/real2 at round 3's "Frozen rules (round 3):" commit.
ROUND3_TUNING_AT_FREEZE = {"people": 0.968, "people-with-title": 0.942, "direct-quote-speaker": 0.953}
# F1 on tests/notes/real2 alone at that commit (tuned on in round 3: not held-back figures).
REAL2_AT_ROUND3_FREEZE = {"people": 0.953, "people-with-title": 0.909, "direct-quote-speaker": 0.912}
# F1 on tests/notes/real3, measured once when its notes were annotated after round 3's freeze (c18b84b).
ROUND3_HELD_BACK_AT_FREEZE = {"people": 0.754, "people-with-title": 0.733, "direct-quote-speaker": 0.726}
# F1 on tests/notes/real3 at round 4's "Frozen rules (round 4):" commit, after tuning on all 114 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (8 at round 3's freeze).
REAL3_TUNED = {"people": 0.910, "people-with-title": 0.800, "direct-quote-speaker": 0.813}
REAL3_TUNED_NON_PEOPLE = 1
# F1 on all 114 notes of tests/notes/real, real2 and real3 at round 4's "Frozen rules (round 4):" commit.
ROUND4_TUNING_AT_FREEZE = {"people": 0.954, "people-with-title": 0.911, "direct-quote-speaker": 0.918}
# F1 on tests/notes/real4, measured once when its notes are annotated after round 4's freeze (d0a8c1f):
# {"people": …, "people-with-title": …, "direct-quote-speaker": …}, and ROUND4_HELD_BACK_NON_PEOPLE the
# count of non-people reported on them then. Measured on 2 Dec 2026 by the annotator: the frozen
# rules stopped with an error on r126 (fixed since), so that note counts as one where nothing was found.
ROUND4_HELD_BACK_AT_FREEZE = {"people": 0.824, "people-with-title": 0.752, "direct-quote-speaker": 0.717}
ROUND4_HELD_BACK_NON_PEOPLE = 4
# F1 on tests/notes/real4 at round 5's "Frozen rules (round 5):" commit, after tuning on all 144 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (4 at round 4's freeze).
REAL4_TUNED = {"people": 0.907, "people-with-title": 0.836, "direct-quote-speaker": 0.872}
REAL4_TUNED_NON_PEOPLE = 0
# F1 on all 144 notes of tests/notes/real, real2, real3 and real4 at round 5's "Frozen rules (round 5):" commit.
ROUND5_TUNING_AT_FREEZE = {"people": 0.945, "people-with-title": 0.897, "direct-quote-speaker": 0.908}
# F1 on tests/notes/real5, measured once when its notes are annotated after round 5's freeze:
# {"people": …, "people-with-title": …, "direct-quote-speaker": …}, and ROUND5_HELD_BACK_NON_PEOPLE the
# count of non-people reported on them then. Measured on 2 Dec 2026 by the annotator (annotations at
# 87d5e70, then h-tune6 merged: the freeze plus its speed-only and docs commits); no note stopped with an error.
ROUND5_HELD_BACK_AT_FREEZE = {"people": 0.794, "people-with-title": 0.755, "direct-quote-speaker": 0.826}
ROUND5_HELD_BACK_NON_PEOPLE = 2
# F1 on tests/notes/real5 at round 6's "Frozen rules (round 6):" commit, after tuning on all 174 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (2 at round 5's freeze).
REAL5_TUNED = {"people": 0.926, "people-with-title": 0.883, "direct-quote-speaker": 0.952}
REAL5_TUNED_NON_PEOPLE = 0
# F1 on all 174 notes of tests/notes/real, real2, real3, real4 and real5 at round 6's "Frozen rules (round 6):" commit.
ROUND6_TUNING_AT_FREEZE = {"people": 0.950, "people-with-title": 0.902, "direct-quote-speaker": 0.921}
# F1 on tests/notes/real6, measured once when its notes were annotated after round 6's freeze (9c719cf),
# and ROUND6_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 2 Dec 2026
# by the annotator at 44c9b0f (the freeze plus speed-only commits); no note stopped with an error.
ROUND6_HELD_BACK_AT_FREEZE = {"people": 0.834, "people-with-title": 0.773, "direct-quote-speaker": 0.836}
ROUND6_HELD_BACK_NON_PEOPLE = 4
# F1 on tests/notes/real6 at round 7's "Frozen rules (round 7):" commit, after tuning on all 204 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (4 at round 6's freeze).
REAL6_TUNED = {"people": 0.931, "people-with-title": 0.859, "direct-quote-speaker": 0.918}
REAL6_TUNED_NON_PEOPLE = 1
# F1 on all 204 notes of tests/notes/real, real2, real3, real4, real5 and real6 at round 7's "Frozen rules (round 7):" commit.
ROUND7_TUNING_AT_FREEZE = {"people": 0.950, "people-with-title": 0.899, "direct-quote-speaker": 0.922}
# F1 on tests/notes/real7, measured once when its notes were annotated after round 7's freeze (5971e88),
# and ROUND7_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 2 Dec 2026
# by the annotator at the freeze itself (annotations cc2813a); no note stopped with an error.
ROUND7_HELD_BACK_AT_FREEZE = {"people": 0.842, "people-with-title": 0.705, "direct-quote-speaker": 0.806}
ROUND7_HELD_BACK_NON_PEOPLE = 3
# F1 on tests/notes/real7 at round 8's "Frozen rules (round 8):" commit, after tuning on all 234 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (3 at round 7's freeze).
REAL7_TUNED = {"people": 0.920, "people-with-title": 0.826, "direct-quote-speaker": 0.945}
REAL7_TUNED_NON_PEOPLE = 0
# F1 on all 234 notes of tests/notes/real to real7 at round 8's "Frozen rules (round 8):" commit, their
# annotations made to follow the conventions first.
ROUND8_TUNING_AT_FREEZE = {"people": 0.951, "people-with-title": 0.902, "direct-quote-speaker": 0.938}
# F1 on tests/notes/real8, measured once when its notes were annotated after round 8's freeze (9f6d9d2),
# and ROUND8_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 2 Dec 2026
# by the annotator at the freeze itself (annotations 556372f); no note stopped with an error.
ROUND8_HELD_BACK_AT_FREEZE = {"people": 0.869, "people-with-title": 0.755, "direct-quote-speaker": 0.822}
ROUND8_HELD_BACK_NON_PEOPLE = 6
# F1 on tests/notes/real8 at round 9's "Frozen rules (round 9):" commit, after tuning on all 264 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (6 at round 8's freeze).
REAL8_TUNED = {"people": 0.930, "people-with-title": 0.891, "direct-quote-speaker": 0.922}
REAL8_TUNED_NON_PEOPLE = 1
# F1 on all 264 notes of tests/notes/real to real8 at round 9's "Frozen rules (round 9):" commit, real8's
# annotations made to follow the conventions first.
ROUND9_TUNING_AT_FREEZE = {"people": 0.950, "people-with-title": 0.904, "direct-quote-speaker": 0.936}
# F1 on tests/notes/real9, measured once when its notes were annotated after round 9's freeze (f954294),
# and ROUND9_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 2 Dec 2026
# by the annotator at the freeze itself (annotations 9fe0e9b); no note stopped with an error.
ROUND9_HELD_BACK_AT_FREEZE = {"people": 0.879, "people-with-title": 0.863, "direct-quote-speaker": 0.845}
ROUND9_HELD_BACK_NON_PEOPLE = 3
# F1 on tests/notes/real9 at round 10's "Frozen rules (round 10):" commit, after tuning on all 294 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (3 at round 9's freeze).
REAL9_TUNED = {"people": 0.952, "people-with-title": 0.935, "direct-quote-speaker": 0.973}
REAL9_TUNED_NON_PEOPLE = 0
# F1 on all 294 notes of tests/notes/real to real9 at round 10's "Frozen rules (round 10):" commit.
ROUND10_TUNING_AT_FREEZE = {"people": 0.951, "people-with-title": 0.908, "direct-quote-speaker": 0.941}
# F1 on tests/notes/real10, measured once when its notes were annotated after round 10's freeze (9bd10ff),
# and ROUND10_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 3 Dec 2026
# by the annotator at the freeze itself (annotations d1e631a); no note stopped with an error.
ROUND10_HELD_BACK_AT_FREEZE = {"people": 0.910, "people-with-title": 0.836, "direct-quote-speaker": 0.885}
ROUND10_HELD_BACK_NON_PEOPLE = 2
# F1 on tests/notes/real10 at round 11's "Frozen rules (round 11):" commit, after tuning on all 324 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (2 at round 10's freeze).
REAL10_TUNED = {"people": 0.941, "people-with-title": 0.895, "direct-quote-speaker": 0.894}
REAL10_TUNED_NON_PEOPLE = 2
# F1 on all 324 notes of tests/notes/real to real10 at round 11's "Frozen rules (round 11):" commit.
ROUND11_TUNING_AT_FREEZE = {"people": 0.950, "people-with-title": 0.908, "direct-quote-speaker": 0.936}
# F1 on tests/notes/real11, measured once when its notes were annotated after round 11's freeze (0a945b1),
# and ROUND11_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 3 Dec 2026
# by the annotator at the freeze itself (annotations b21e255); no note stopped with an error.
ROUND11_HELD_BACK_AT_FREEZE = {"people": 0.861, "people-with-title": 0.863, "direct-quote-speaker": 0.852}
ROUND11_HELD_BACK_NON_PEOPLE = 3
# F1 on tests/notes/real11 at round 12's "Frozen rules (round 12):" commit, after tuning on all 354 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (3 at round 11's freeze).
REAL11_TUNED = {"people": 0.933, "people-with-title": 0.898, "direct-quote-speaker": 0.909}
REAL11_TUNED_NON_PEOPLE = 0
# F1 on all 354 notes of tests/notes/real to real11 at round 12's "Frozen rules (round 12):" commit.
ROUND12_TUNING_AT_FREEZE = {"people": 0.949, "people-with-title": 0.908, "direct-quote-speaker": 0.936}
# F1 on tests/notes/real12, measured once when its notes were annotated after round 12's freeze (716b93c),
# and ROUND12_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 3 Dec 2026
# by the annotator at the freeze itself (annotations d1f5343); no note stopped with an error.
ROUND12_HELD_BACK_AT_FREEZE = {"people": 0.904, "people-with-title": 0.864, "direct-quote-speaker": 0.861}
ROUND12_HELD_BACK_NON_PEOPLE = 5
# F1 on tests/notes/real12 at round 13's "Frozen rules (round 13):" commit, after tuning on all 384 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (5 at round 12's freeze;
# 4 with r368's nickname out of its not_people).
REAL12_TUNED = {"people": 0.976, "people-with-title": 0.949, "direct-quote-speaker": 0.963}
REAL12_TUNED_NON_PEOPLE = 0
# F1 on all 384 notes of tests/notes/real to real12 at round 13's "Frozen rules (round 13):" commit.
ROUND13_TUNING_AT_FREEZE = {"people": 0.957, "people-with-title": 0.920, "direct-quote-speaker": 0.945}
# F1 on tests/notes/real13, measured once when its notes were annotated after round 13's freeze (9236910),
# and ROUND13_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 3 Dec 2026
# by the annotator at the freeze itself (annotations 3f7f916); no note stopped with an error.
ROUND13_HELD_BACK_AT_FREEZE = {"people": 0.932, "people-with-title": 0.851, "direct-quote-speaker": 0.869}
ROUND13_HELD_BACK_NON_PEOPLE = 1
# F1 on tests/notes/real13 at round 14's "Frozen rules (round 14):" commit, after tuning on all 414 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (1 at round 13's freeze).
REAL13_TUNED = {"people": 0.962, "people-with-title": 0.915, "direct-quote-speaker": 0.937}
REAL13_TUNED_NON_PEOPLE = 0
# F1 on all 414 notes of tests/notes/real to real13 at round 14's "Frozen rules (round 14):" commit.
ROUND14_TUNING_AT_FREEZE = {"people": 0.958, "people-with-title": 0.919, "direct-quote-speaker": 0.945}
# F1 on tests/notes/real14 (24 notes), measured once when its notes were annotated after round 14's freeze
# (bcc17d6), and ROUND14_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on
# 3 Dec 2026 by the annotator at the freeze itself (annotations e838caf); no note stopped with an error.
ROUND14_HELD_BACK_AT_FREEZE = {"people": 0.927, "people-with-title": 0.839, "direct-quote-speaker": 0.813}
ROUND14_HELD_BACK_NON_PEOPLE = 2
# F1 on tests/notes/real14 at round 15's "Frozen rules (round 15):" commit, after tuning on all 438 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (2 at round 14's freeze).
REAL14_TUNED = {"people": 0.949, "people-with-title": 0.887, "direct-quote-speaker": 0.929}
REAL14_TUNED_NON_PEOPLE = 1
# F1 on all 438 notes of tests/notes/real to real14 at round 15's "Frozen rules (round 15):" commit.
ROUND15_TUNING_AT_FREEZE = {"people": 0.957, "people-with-title": 0.918, "direct-quote-speaker": 0.944}
# F1 on tests/notes/real15 (24 notes), measured once when its notes were annotated after round 15's freeze
# (f7cbaba), and ROUND15_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on
# 3 Dec 2026 by the annotator at the freeze itself (annotations 74b5302); no note stopped with an error.
ROUND15_HELD_BACK_AT_FREEZE = {"people": 0.850, "people-with-title": 0.728, "direct-quote-speaker": 0.738}
ROUND15_HELD_BACK_NON_PEOPLE = 3
# F1 on tests/notes/real15 at round 16's "Frozen rules (round 16):" commit, after tuning on all 462 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (3 at round 15's freeze).
REAL15_TUNED = {"people": 0.877, "people-with-title": 0.771, "direct-quote-speaker": 0.785}
REAL15_TUNED_NON_PEOPLE = 2
# F1 on all 462 notes of tests/notes/real to real15 at round 16's "Frozen rules (round 16):" commit.
ROUND16_TUNING_AT_FREEZE = {"people": 0.954, "people-with-title": 0.913, "direct-quote-speaker": 0.937}
# F1 on tests/notes/real16 (24 notes), measured once when its notes were annotated after round 16's freeze
# (ec010ee), and ROUND16_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on
# 3 Dec 2026 by the annotator at the freeze itself (annotations c237c08); no note stopped with an error.
ROUND16_HELD_BACK_AT_FREEZE = {"people": 0.853, "people-with-title": 0.805, "direct-quote-speaker": 0.779}
ROUND16_HELD_BACK_NON_PEOPLE = 6
# F1 on tests/notes/real16 at round 17's "Frozen rules (round 17):" commit, after tuning on all 486 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (6 at round 16's freeze).
REAL16_TUNED = {"people": 0.853, "people-with-title": 0.805, "direct-quote-speaker": 0.779}
REAL16_TUNED_NON_PEOPLE = 6
# F1 on all 486 notes of tests/notes/real to real16 at round 17's "Frozen rules (round 17):" commit.
ROUND17_TUNING_AT_FREEZE = {"people": 0.949, "people-with-title": 0.908, "direct-quote-speaker": 0.931}
# F1 on tests/notes/real17 (24 notes), measured once when its notes were annotated after round 17's freeze
# (fb4f55e), and ROUND17_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on
# 3 Dec 2026 by the annotator at the freeze itself (annotations 94b0374); no note stopped with an error.
ROUND17_HELD_BACK_AT_FREEZE = {"people": 0.821, "people-with-title": 0.780, "direct-quote-speaker": 0.772}
ROUND17_HELD_BACK_NON_PEOPLE = 5
# F1 on tests/notes/real17 at round 18's "Frozen rules (round 18):" commit, after tuning on all 510 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (5 at round 17's freeze).
REAL17_TUNED = {"people": 0.886, "people-with-title": 0.833, "direct-quote-speaker": 0.914}
REAL17_TUNED_NON_PEOPLE = 1
# F1 on all 510 notes of tests/notes/real to real17 at round 18's "Frozen rules (round 18):" commit.
ROUND18_TUNING_AT_FREEZE = {"people": 0.949, "people-with-title": 0.906, "direct-quote-speaker": 0.932}
# F1 on tests/notes/real18 (24 notes), measured once when its notes were annotated after round 18's freeze
# (cc8e87a), and ROUND18_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on
# 3 Dec 2026 by the annotator at the freeze itself (annotations 6369cc6); no note stopped with an error.
ROUND18_HELD_BACK_AT_FREEZE = {"people": 0.930, "people-with-title": 0.854, "direct-quote-speaker": 0.923}
ROUND18_HELD_BACK_NON_PEOPLE = 2
# F1 on tests/notes/real18 at round 19's "Frozen rules (round 19):" commit, after tuning on all 534 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (2 at round 18's freeze).
REAL18_TUNED = {"people": 0.930, "people-with-title": 0.854, "direct-quote-speaker": 0.923}
REAL18_TUNED_NON_PEOPLE = 2
# F1 on all 534 notes of tests/notes/real to real18 at round 19's "Frozen rules (round 19):" commit.
ROUND19_TUNING_AT_FREEZE = {"people": 0.949, "people-with-title": 0.903, "direct-quote-speaker": 0.934}
# F1 on tests/notes/real19 (24 notes), measured once when its notes were annotated after round 19's freeze
# (e5c7fad), and ROUND19_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on
# 3 Dec 2026 by the annotator at the freeze itself (annotations ff9be47); no note stopped with an error.
ROUND19_HELD_BACK_AT_FREEZE = {"people": 0.905, "people-with-title": 0.832, "direct-quote-speaker": 0.826}
ROUND19_HELD_BACK_NON_PEOPLE = 1
# F1 on tests/notes/real19 at round 20's "Frozen rules (round 20):" commit, after tuning on all 558 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (1 at round 19's freeze).
REAL19_TUNED = {"people": 0.909, "people-with-title": 0.836, "direct-quote-speaker": 0.826}
REAL19_TUNED_NON_PEOPLE = 1
# F1 on all 558 notes of tests/notes/real to real19 at round 20's "Frozen rules (round 20):" commit.
ROUND20_TUNING_AT_FREEZE = {"people": 0.947, "people-with-title": 0.901, "direct-quote-speaker": 0.930}
# F1 on tests/notes/real20 (24 notes), measured once when its notes were annotated after round 20's freeze
# (707eb3e), and ROUND20_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on
# 3 Dec 2026 by the annotator at the freeze itself (annotations 2302f97); no note stopped with an error.
ROUND20_HELD_BACK_AT_FREEZE = {"people": 0.883, "people-with-title": 0.791, "direct-quote-speaker": 0.870}
ROUND20_HELD_BACK_NON_PEOPLE = 2
# F1 on tests/notes/real20 at round 21's "Frozen rules (round 21):" commit, after tuning on all 582 notes
# (tuned on: not held-back figures; 11 indirect-quote starts of its annotations cut before their interposed
# tag first), with the count of non-people it still reports (2 at round 20's freeze).
REAL20_TUNED = {"people": 0.923, "people-with-title": 0.885, "direct-quote-speaker": 0.885}
REAL20_TUNED_NON_PEOPLE = 1
# F1 on all 582 notes of tests/notes/real to real20 at round 21's "Frozen rules (round 21):" commit.
ROUND21_TUNING_AT_FREEZE = {"people": 0.948, "people-with-title": 0.905, "direct-quote-speaker": 0.931}
# F1 on tests/notes/real21 (24 notes), measured once when its notes were annotated after round 21's freeze
# (e4360af), and ROUND21_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on
# 3 Dec 2026 by the annotator at the freeze itself (annotations 0494301); no note stopped with an error.
ROUND21_HELD_BACK_AT_FREEZE = {"people": 0.872, "people-with-title": 0.807, "direct-quote-speaker": 0.795}
ROUND21_HELD_BACK_NON_PEOPLE = 4
# F1 on tests/notes/real21 at round 22's "Frozen rules (round 22):" commit, after tuning on all 606 notes
# (tuned on: not held-back figures; its annotations read against the conventions first, none changed),
# with the count of non-people it still reports (4 at round 21's freeze).
REAL21_TUNED = {"people": 0.896, "people-with-title": 0.841, "direct-quote-speaker": 0.833}
REAL21_TUNED_NON_PEOPLE = 1
# F1 on all 606 notes of tests/notes/real to real21 at round 22's "Frozen rules (round 22):" commit.
ROUND22_TUNING_AT_FREEZE = {"people": 0.949, "people-with-title": 0.907, "direct-quote-speaker": 0.929}
# F1 on tests/notes/real22 (24 notes), measured once when its notes were annotated after round 22's freeze
# (6b3c05a), and ROUND22_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on
# 3 Dec 2026 by the annotator at the freeze itself (annotations 7c844dc); no note stopped with an error.
ROUND22_HELD_BACK_AT_FREEZE = {"people": 0.913, "people-with-title": 0.836, "direct-quote-speaker": 0.844}
ROUND22_HELD_BACK_NON_PEOPLE = 1
