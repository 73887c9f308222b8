/* code_pipeline.h -- how `dyad code` spreads the work over threads.
 *
 * With one thread everything runs in the caller: read a record, code it,
 * write it.  With N > 1, one thread reads (code_source), N threads code
 * (each with its own dyad_coder over the shared, immutable engine) and the
 * caller writes (code_sink), in input order.  They meet in a bounded ring
 * of work items, so memory stays bounded whatever the input's size: the
 * reader waits when the ring is full or holds more than a byte budget of
 * records, the only way the writer ever holds anyone back.  The lock
 * guards the ring's counters only; nobody holds it while reading, coding
 * or writing. */
#ifndef DYAD_CODE_PIPELINE_H
#define DYAD_CODE_PIPELINE_H

#include "code_sink.h"
#include "code_source.h"

/* Runs the batch: every item of src coded with engine e on `threads`
 * threads and written to sink.  Ends early when the sink fails or a stop
 * signal arrives (what was read is still coded and written).  0, or -1
 * when the threads could not be set up (a message was printed). */
int code_pipeline_run(code_source *src, const dyad_engine *e, unsigned threads,
                      code_sink *sink);

#endif
