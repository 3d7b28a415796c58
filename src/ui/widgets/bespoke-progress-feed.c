/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-progress-feed"

#include "config.h"

#include "bespoke-core.h"
#include "bespoke-progress-feed.h"

/*
 * BespokeProgressFeed: how far a long export or import on a worker thread
 * has come, shown on a GtkProgressBar.  The worker's progress function
 * (bespoke_progress_feed_cb(), a BespokeXmlProgressFunc) only stores the
 * counts; the main loop reads them ten times a second and sets the bar's
 * fraction and text ("31,200 of 100,000 people"), so that however fast
 * the worker reports, the window does no more than that.  Before the first
 * count the bar pulses, with @waiting as its text.
 */

#define POLL_MS 100

struct _BespokeProgressFeed
{
  GMutex          lock;
  guint64         done;
  guint64         total;
  gboolean        counted;    /* a count has come */
  gboolean        finishing;  /* every person is written; the rest cannot stop */
  GtkProgressBar *bar;        /* weak */
  guint           poll_id;
};

BespokeProgressFeed *
bespoke_progress_feed_new (void)
{
  BespokeProgressFeed *feed = g_atomic_rc_box_new0 (BespokeProgressFeed);

  g_mutex_init (&feed->lock);
  return feed;
}

BespokeProgressFeed *
bespoke_progress_feed_ref (BespokeProgressFeed *feed)
{
  return g_atomic_rc_box_acquire (feed);
}

static void
feed_clear (gpointer data)
{
  BespokeProgressFeed *feed = data;

  bespoke_progress_feed_stop (feed);
  g_mutex_clear (&feed->lock);
}

void
bespoke_progress_feed_unref (gpointer feed)
{
  g_atomic_rc_box_release_full (feed, feed_clear);
}

/**
 * bespoke_progress_feed_cb:
 * @feed: a #BespokeProgressFeed
 *
 * A BespokeXmlProgressFunc, for any thread: stores the counts.
 */
void
bespoke_progress_feed_cb (guint64  done,
                          guint64  total,
                          gpointer feed_)
{
  BespokeProgressFeed *feed = feed_;

  g_mutex_lock (&feed->lock);
  if (done == BESPOKE_XML_PROGRESS_FINISHING)
    {
      feed->finishing = TRUE;
      feed->done = total;
    }
  else
    feed->done = done;
  feed->total = total;
  feed->counted = TRUE;
  g_mutex_unlock (&feed->lock);
}

gboolean
bespoke_progress_feed_get_finishing (BespokeProgressFeed *feed)
{
  gboolean finishing;

  g_mutex_lock (&feed->lock);
  finishing = feed->finishing;
  g_mutex_unlock (&feed->lock);
  return finishing;
}

static gboolean
poll_cb (gpointer data)
{
  BespokeProgressFeed *feed = data;
  g_autofree char *text = NULL;
  guint64 done, total;
  gboolean counted;

  if (feed->bar == NULL)
    {
      feed->poll_id = 0;
      return G_SOURCE_REMOVE;
    }
  g_mutex_lock (&feed->lock);
  done = feed->done;
  total = feed->total;
  counted = feed->counted;
  g_mutex_unlock (&feed->lock);

  if (!counted)
    {
      gtk_progress_bar_pulse (feed->bar);
      return G_SOURCE_CONTINUE;
    }
  text = bespoke_xml_progress_describe (done, total);
  gtk_progress_bar_set_fraction (feed->bar, total > 0 ? (double) MIN (done, total) / (double) total : 1.0);
  if (g_strcmp0 (gtk_progress_bar_get_text (feed->bar), text) != 0)
    gtk_progress_bar_set_text (feed->bar, text);
  return G_SOURCE_CONTINUE;
}

/**
 * bespoke_progress_feed_show:
 * @waiting: the bar's text until the first count, e.g. "Reading the file…"
 *
 * Shows the feed's counts on @bar, until the bar goes or
 * bespoke_progress_feed_stop().
 */
void
bespoke_progress_feed_show (BespokeProgressFeed *feed,
                            GtkProgressBar      *bar,
                            const char          *waiting)
{
  bespoke_progress_feed_stop (feed);
  g_set_weak_pointer (&feed->bar, bar);
  gtk_progress_bar_set_show_text (bar, TRUE);
  gtk_progress_bar_set_text (bar, waiting);
  gtk_progress_bar_set_fraction (bar, 0.0);
  gtk_progress_bar_set_pulse_step (bar, 0.1);
  feed->poll_id = g_timeout_add_full (G_PRIORITY_DEFAULT, POLL_MS, poll_cb,
                                      bespoke_progress_feed_ref (feed), bespoke_progress_feed_unref);
}

/* The bar shows the feed no more; the counts go on being stored */
void
bespoke_progress_feed_stop (BespokeProgressFeed *feed)
{
  g_clear_handle_id (&feed->poll_id, g_source_remove);
  g_clear_weak_pointer (&feed->bar);
}
