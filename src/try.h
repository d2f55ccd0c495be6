/* newsgraph -- try: return on the first failed step.
 *
 * Internal to the writers.  A function that writes a sequence of pieces
 * reads as the sequence:
 *
 *     NgStatus st;
 *     TRY(st, put(f, "<node id=\""));
 *     TRY(st, xml_put(x, v->id, '"'));
 *     return put(f, "\">\n");
 *
 * (serd's TRY, for NgStatus.)
 */
#ifndef NG_TRY_H
#define NG_TRY_H

/** Evaluate `expr`, an NgStatus, into `st`; return it when it is a failure. */
#define TRY(st, expr)                                                                                                  \
  do {                                                                                                                 \
    if (((st) = (expr))) return (st);                                                                                  \
  } while (0)

#endif /* NG_TRY_H */
