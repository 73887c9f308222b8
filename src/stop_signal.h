/* stop_signal.h -- SIGINT and SIGTERM as a request to stop cleanly.
 *
 * `dyad code` must not lose or tear output when it is interrupted: the
 * first SIGINT or SIGTERM only sets a flag, which the reading side checks
 * between records, so everything already read is still coded, written and
 * (with --resume) committed.  A second signal ends the process at once, as
 * it would without the handler; the --resume journal is consistent at any
 * instant, so even that loses nothing that was committed. */
#ifndef DYAD_STOP_SIGNAL_H
#define DYAD_STOP_SIGNAL_H

/* Installs the handlers (without SA_RESTART, so that a blocking read
 * returns EINTR and the reader can notice). */
void stop_signal_install(void);

/* The signal that asked to stop (SIGINT, SIGTERM), or 0. */
int stop_signal_received(void);

/* Blocks or unblocks SIGINT and SIGTERM in the calling thread: coding and
 * writing threads block them, so that the signal reaches the thread that
 * reads input and interrupts its read(). */
void stop_signal_block(int block);

#endif
