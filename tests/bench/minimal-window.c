/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for bench-startup.sh: the least an AdwApplicationWindow
 * takes to start, draw its first frame and quit.  It registers on the
 * session bus and opens a window with a header bar, as Bespoke does.
 *
 *   cc -O2 -o minimal-window minimal-window.c $(pkg-config --cflags --libs libadwaita-1)
 */
#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, user_data);
  g_application_quit (G_APPLICATION (user_data));
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Hello");

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));

  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = adw_application_new ("org.bespoke.BenchMinimal", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
