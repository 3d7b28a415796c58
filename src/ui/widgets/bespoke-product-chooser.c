/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bespoke-product-chooser"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bespoke-product-chooser.h"

/**
 * BespokeProductChooser:
 *
 * Choosing a product from every provider's menu: a button named
 * "Product" showing the chosen product's whole name, with its provider and
 * price under it, that opens a popover with a search entry ("Search
 * products") over the list of products (a #BespokeMenuModel filtered by
 * what is typed).  Each row shows the whole name, the provider, the kind
 * and the price.  Typing filters; Enter chooses the first product shown;
 * Down goes into the list, where Enter or a click chooses.  With no menu
 * at all it says "No products yet" and offers the product menus.
 *
 * It saves nothing: it says #BespokeProductChooser::product-chosen.
 */
struct _BespokeProductChooser
{
  GtkWidget           parent_instance;

  BespokeMenuModel   *menu;
  GtkFilterListModel *shown;
  GtkCustomFilter    *filter;
  BespokeProduct     *product;

  GtkMenuButton      *button;
  GtkWidget          *content_box;
  GtkLabel           *name_label;
  GtkLabel           *detail_label;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *no_match_label;
  GtkButton          *menus_button;
};

G_DEFINE_FINAL_TYPE (BespokeProductChooser, bespoke_product_chooser, GTK_TYPE_WIDGET)

enum {
  PRODUCT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows */

static GtkLabel *
row_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  row_label (box, "heading");
  row_label (box, "dim-label");
  gtk_list_item_set_child (item, box);
}

/* "Hillside Support · Ongoing · £21.50 an hour" */
static char *
detail_text (BespokeMenuModel *menu,
             BespokeProduct   *product)
{
  g_autofree char *price = bespoke_product_price_text (product);
  const char *kind = bespoke_enum_label (BESPOKE_TYPE_PRODUCT_KIND, bespoke_product_get_kind (product));
  const char *provider = bespoke_menu_model_get_provider_name (menu, product);

  if (bespoke_product_get_outcome_based (product))
    /* Translators: a product's provider, kind and price, for an outcome-based one-off */
    return g_strdup_printf (_("%s · %s · %s, paid only if the outcome is reached"), provider, kind, price);
  /* Translators: a product's provider, kind and price */
  return g_strdup_printf (_("%s · %s · %s"), provider, kind, price);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BespokeProductChooser    *self)
{
  BespokeProduct *product = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  g_autofree char *detail = detail_text (self->menu, product);
  g_autofree char *described = bespoke_menu_model_describe (self->menu, product);

  gtk_label_set_label (GTK_LABEL (name), bespoke_product_get_name (product));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (name)), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, described, -1);
}

/* The button */

static void
show_chosen (BespokeProductChooser *self,
             gboolean               older)
{
  g_autofree char *detail = NULL;
  g_autofree char *described = NULL;

  if (self->product == NULL)
    {
      gboolean none = self->menu == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->menu)) == 0;

      gtk_label_set_label (self->name_label, none ? _("No products yet") : _("Choose a product"));
      gtk_label_set_label (self->detail_label, none ? _("Open Product Menus to add one") : "");
      gtk_widget_set_visible (GTK_WIDGET (self->detail_label), none);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gtk_label_get_label (self->name_label), -1);
      return;
    }

  if (older)
    {
      /* Translators: an older version of a product, still used by a line */
      g_autofree char *name = g_strdup_printf (_("%s (version %u, as bought)"), bespoke_product_get_name (self->product),
                                               bespoke_product_get_version (self->product));
      gtk_label_set_label (self->name_label, name);
    }
  else
    gtk_label_set_label (self->name_label, bespoke_product_get_name (self->product));
  detail = self->menu ? detail_text (self->menu, self->product) : bespoke_product_price_text (self->product);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), TRUE);
  described = g_strdup_printf ("%s, %s", gtk_label_get_label (self->name_label), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described, -1);
}

/* Choosing */

static void
choose (BespokeProductChooser *self,
        guint                  position)
{
  g_autoptr(BespokeProduct) product = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (product == NULL)
    return;
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[PRODUCT_CHOSEN], 0, product);
}

static void
update_stack (BespokeProductChooser *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->menu == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->menu)) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (GTK_WIDGET (self->search_entry), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    {
      /* Translators: the product chooser's search found nothing */
      g_autofree char *text = g_strdup_printf (_("No product’s name or provider has “%s”. Try fewer letters."), query);

      gtk_label_set_label (self->no_match_label, text);
      gtk_stack_set_visible_child_name (self->stack, "no-match");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  BespokeProductChooser *self = user_data;

  return bespoke_menu_model_matches (self->menu, item, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_changed_cb (BespokeProductChooser *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

/* Enter in the search: the first product shown */
static void
on_search_activate_cb (BespokeProductChooser *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    choose (self, 0);
}

static void
on_list_activate_cb (BespokeProductChooser *self,
                     guint                  position)
{
  choose (self, position);
}

/* Down from the search goes into the list */
static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          BespokeProductChooser *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

/* Each time it opens: the menus as they are now, and an empty search */
static void
on_popover_show_cb (BespokeProductChooser *self)
{
  if (self->menu != NULL)
    bespoke_menu_model_reload (self->menu, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  update_stack (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->search_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_widget_grab_focus (gtk_stack_get_visible_child (self->stack));
}

/* Public */

GtkWidget *
bespoke_product_chooser_new (void)
{
  return g_object_new (BESPOKE_TYPE_PRODUCT_CHOOSER, NULL);
}

/**
 * bespoke_product_chooser_set_store:
 *
 * The products to choose from: every menu in @store.
 */
void
bespoke_product_chooser_set_store (BespokeProductChooser *self,
                                   BespokeStore          *store)
{
  g_autoptr(BespokeMenuModel) menu = NULL;

  g_return_if_fail (BESPOKE_IS_PRODUCT_CHOOSER (self));

  menu = store ? bespoke_menu_model_new (store) : NULL;
  g_set_object (&self->menu, menu);
  gtk_filter_list_model_set_model (self->shown, G_LIST_MODEL (self->menu));
  update_stack (self);
  show_chosen (self, FALSE);
}

/**
 * bespoke_product_chooser_set_product:
 * @product: (nullable): the product chosen
 * @older: whether @product is an older version than its menu's
 */
void
bespoke_product_chooser_set_product (BespokeProductChooser *self,
                                     BespokeProduct        *product,
                                     gboolean               older)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT_CHOOSER (self));

  g_set_object (&self->product, product);
  show_chosen (self, older);
}

/* Returns: (transfer none) (nullable): the product shown on the button */
BespokeProduct *
bespoke_product_chooser_get_product (BespokeProductChooser *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT_CHOOSER (self), NULL);
  return self->product;
}

/* Returns: (transfer none) (nullable): every product */
BespokeMenuModel *
bespoke_product_chooser_get_menu (BespokeProductChooser *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT_CHOOSER (self), NULL);
  return self->menu;
}

/* Returns: (transfer none): the products the search leaves, in order */
GListModel *
bespoke_product_chooser_get_shown (BespokeProductChooser *self)
{
  g_return_val_if_fail (BESPOKE_IS_PRODUCT_CHOOSER (self), NULL);
  return G_LIST_MODEL (self->shown);
}

void
bespoke_product_chooser_popup (BespokeProductChooser *self)
{
  g_return_if_fail (BESPOKE_IS_PRODUCT_CHOOSER (self));
  gtk_menu_button_popup (self->button);
}

static void
bespoke_product_chooser_dispose (GObject *object)
{
  BespokeProductChooser *self = BESPOKE_PRODUCT_CHOOSER (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BESPOKE_TYPE_PRODUCT_CHOOSER);
  g_clear_object (&self->shown);
  g_clear_object (&self->menu);
  g_clear_object (&self->product);

  G_OBJECT_CLASS (bespoke_product_chooser_parent_class)->dispose (object);
}

static void
bespoke_product_chooser_class_init (BespokeProductChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bespoke_product_chooser_dispose;

  /**
   * BespokeProductChooser::product-chosen:
   * @product: the product chosen from the list
   */
  signals[PRODUCT_CHOSEN] = g_signal_new ("product-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, BESPOKE_TYPE_PRODUCT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/bespoke/Bespoke/ui/bespoke-product-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, button);
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, content_box);
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, name_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, detail_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, popover);
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, BespokeProductChooser, menus_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
}

static void
bespoke_product_chooser_init (BespokeProductChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* GtkMenuButton centres its child: the name reads from the left */
  for (GtkWidget *w = self->content_box; w != NULL && w != GTK_WIDGET (self->button); w = gtk_widget_get_parent (w))
    gtk_widget_set_halign (w, GTK_ALIGN_FILL);

  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->shown = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  show_chosen (self, FALSE);
}
