/* stop_signal.c -- SIGINT and SIGTERM as a request to stop cleanly. */
#include "stop_signal.h"

#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>

/* Lock-free atomics are async-signal-safe and, unlike a volatile
 * sig_atomic_t, also well defined when other threads read them. */
static atomic_int received;

static void on_stop_signal(int sig)
{
    atomic_store(&received, sig);
}

void stop_signal_install(void)
{
    struct sigaction sa;
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;   /* the second signal has its default effect */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int stop_signal_received(void)
{
    return atomic_load_explicit(&received, memory_order_relaxed);
}

void stop_signal_block(int block)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}
