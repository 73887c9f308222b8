/* code_pipeline.c -- one reader, N coders, one writer, a bounded ring. */
#include "code_pipeline.h"
#include "cli_util.h"
#include "stop_signal.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Ring slots per coding thread: enough that a slow record (a long
 * article) does not idle the other threads while the writer waits for it,
 * and that the writer can sleep between batches (below). */
#define SLOTS_PER_THREAD 128
/* Bytes of records in the ring beyond which the reader waits (a single
 * record may be larger: it is let in alone). */
#define RING_BYTE_BUDGET ((size_t)32 << 20)
/* The writer is not woken for every record coded: that would cost a
 * context switch per record, taken from a coding thread.  It sleeps this
 * long between batches, and is woken early only when records coded and not
 * yet written fill half the ring (or reading has ended), so the coders
 * never run out of records to take. */
#define WRITER_NAP_NS 20000000L

typedef struct pipeline {
    pthread_mutex_t lock;
    pthread_cond_t space;        /* the reader waits for it */
    pthread_cond_t work;         /* the coders wait for it */
    pthread_cond_t coded;        /* the writer waits for it */
    code_item **ring;
    unsigned char *is_coded;     /* per slot */
    size_t cap;
    /* Counts since the start; slot = count % cap.
     * written <= taken <= read <= written + cap. */
    unsigned long long n_read, n_taken, n_written;
    size_t bytes;                /* held by items read and not yet written */
    int reading_done;
    int abort;                   /* the writer failed: everyone stops */
    int writer_waiting;          /* the writer sleeps on `coded` */
    int reader_waiting;          /* the reader sleeps on `space` */
    code_source *src;
} pipeline;

typedef struct worker_arg {
    pipeline *p;
    code_worker *w;
} worker_arg;

static void *reader_main(void *arg)
{
    pipeline *p = arg;
    /* This thread alone takes SIGINT and SIGTERM: they interrupt its
     * blocking read() (input_stream.c) and it stops reading. */
    stop_signal_block(0);
    for (;;) {
        code_item *it = code_source_next(p->src);
        pthread_mutex_lock(&p->lock);
        while (it && !p->abort &&
               (p->n_read - p->n_written == p->cap ||
                (p->bytes + it->size > RING_BYTE_BUDGET && p->n_read > p->n_written))) {
            p->reader_waiting = 1;
            pthread_cond_wait(&p->space, &p->lock);
            p->reader_waiting = 0;
        }
        if (!it || p->abort) {
            p->reading_done = 1;
            pthread_cond_broadcast(&p->work);
            pthread_cond_broadcast(&p->coded);
            pthread_mutex_unlock(&p->lock);
            code_item_free(it);
            break;
        }
        size_t slot = (size_t)(p->n_read % p->cap);
        p->ring[slot] = it;
        p->is_coded[slot] = 0;
        p->n_read++;
        p->bytes += it->size;
        pthread_cond_signal(&p->work);
        pthread_mutex_unlock(&p->lock);
    }
    stop_signal_block(1);
    return NULL;
}

static void *coder_main(void *arg)
{
    worker_arg *a = arg;
    pipeline *p = a->p;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (!p->abort && p->n_taken == p->n_read && !p->reading_done)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->abort || p->n_taken == p->n_read) {
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        unsigned long long n = p->n_taken++;
        code_item *it = p->ring[n % p->cap];
        pthread_mutex_unlock(&p->lock);

        code_worker_run(a->w, it);

        pthread_mutex_lock(&p->lock);
        p->is_coded[n % p->cap] = 1;
        /* coded records waiting for the writer fill half the ring: the
         * coders would soon have nothing left to take */
        if (n == p->n_written && p->writer_waiting &&
            (p->reading_done || p->n_taken - p->n_written >= p->cap / 2))
            pthread_cond_signal(&p->coded);
        pthread_mutex_unlock(&p->lock);
    }
}

/* The calling thread's part: writes the items in order as they are coded. */
static void write_in_order(pipeline *p, code_sink *sink)
{
    pthread_mutex_lock(&p->lock);
    for (;;) {
        int wrote = 0;
        while (!p->abort && p->n_written < p->n_read && p->is_coded[p->n_written % p->cap]) {
            size_t slot = (size_t)(p->n_written % p->cap);
            code_item *it = p->ring[slot];
            size_t size = it->size;
            pthread_mutex_unlock(&p->lock);
            code_sink_write(sink, it);
            pthread_mutex_lock(&p->lock);
            p->ring[slot] = NULL;
            p->n_written++;
            p->bytes -= size;
            wrote = 1;
            if (sink->failed) {
                p->abort = 1;
                pthread_cond_broadcast(&p->space);
                pthread_cond_broadcast(&p->work);
            }
        }
        if (wrote && p->reader_waiting)
            pthread_cond_signal(&p->space);   /* once per batch */
        if (p->abort || (p->reading_done && p->n_written == p->n_read))
            break;
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += WRITER_NAP_NS;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        p->writer_waiting = 1;
        pthread_cond_timedwait(&p->coded, &p->lock, &until);
        p->writer_waiting = 0;
        pthread_mutex_unlock(&p->lock);
        code_sink_tick(sink);
        pthread_mutex_lock(&p->lock);
    }
    pthread_mutex_unlock(&p->lock);
}

static int run_in_caller(code_source *src, const dyad_engine *e, code_sink *sink)
{
    code_worker w;
    if (code_worker_init(&w, e) != 0) {
        cli_msg("out of memory");
        return -1;
    }
    code_item *it;
    while (!sink->failed && (it = code_source_next(src)) != NULL) {
        code_worker_run(&w, it);
        code_sink_write(sink, it);
    }
    code_worker_free(&w);
    return 0;
}

static int pipeline_init(pipeline *p, code_source *src, unsigned threads)
{
    memset(p, 0, sizeof *p);
    p->src = src;
    p->cap = (size_t)threads * SLOTS_PER_THREAD;
    p->ring = calloc(p->cap, sizeof *p->ring);
    p->is_coded = calloc(p->cap, 1);
    pthread_condattr_t attr;
    int ok = p->ring && p->is_coded && pthread_condattr_init(&attr) == 0;
    if (ok) {
        /* the writer's timed wait must not jump with the wall clock */
        ok = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) == 0 &&
             pthread_mutex_init(&p->lock, NULL) == 0 &&
             pthread_cond_init(&p->space, NULL) == 0 &&
             pthread_cond_init(&p->work, NULL) == 0 &&
             pthread_cond_init(&p->coded, &attr) == 0;
        pthread_condattr_destroy(&attr);
    }
    return ok ? 0 : -1;
}

static void pipeline_destroy(pipeline *p)
{
    for (size_t i = 0; p->ring && i < p->cap; i++)
        code_item_free(p->ring[i]);   /* left over after an abort */
    free(p->ring);
    free(p->is_coded);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->space);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->coded);
}

int code_pipeline_run(code_source *src, const dyad_engine *e, unsigned threads,
                      code_sink *sink)
{
    if (threads <= 1)
        return run_in_caller(src, e, sink);

    pipeline p;
    code_worker *workers = calloc(threads, sizeof *workers);
    worker_arg *args = calloc(threads, sizeof *args);
    pthread_t *coders = calloc(threads, sizeof *coders);
    if (!workers || !args || !coders || pipeline_init(&p, src, threads) != 0) {
        cli_msg("out of memory");
        free(workers);
        free(args);
        free(coders);
        return -1;
    }
    int rc = 0;
    unsigned started = 0;
    for (unsigned i = 0; i < threads && rc == 0; i++)
        if (code_worker_init(&workers[i], e) != 0) {
            cli_msg("out of memory");
            rc = -1;
        }
    /* Coders and the writer (this thread) leave the stop signals to the
     * reader; the mask is inherited by the threads created here. */
    stop_signal_block(1);
    pthread_t reader;
    int reader_started = 0;
    for (; rc == 0 && started < threads; started++) {
        args[started] = (worker_arg){ &p, &workers[started] };
        int err = pthread_create(&coders[started], NULL, coder_main, &args[started]);
        if (err != 0) {
            cli_msg("cannot start a coding thread: %s", strerror(err));
            rc = -1;
            break;
        }
    }
    if (rc == 0) {
        int err = pthread_create(&reader, NULL, reader_main, &p);
        if (err != 0) {
            cli_msg("cannot start the reading thread: %s", strerror(err));
            rc = -1;
        } else {
            reader_started = 1;
        }
    }
    if (rc == 0) {
        write_in_order(&p, sink);
    } else {
        pthread_mutex_lock(&p.lock);
        p.abort = 1;
        pthread_cond_broadcast(&p.work);
        pthread_cond_broadcast(&p.space);
        pthread_mutex_unlock(&p.lock);
    }
    if (reader_started)
        pthread_join(reader, NULL);
    for (unsigned i = 0; i < started; i++)
        pthread_join(coders[i], NULL);
    stop_signal_block(0);
    for (unsigned i = 0; i < threads; i++)
        code_worker_free(&workers[i]);
    pipeline_destroy(&p);
    free(workers);
    free(args);
    free(coders);
    return rc;
}
