//! How the window's width is shared between the documents panel (left), the spans
//! panel (right) and the article between them. The article comes first: it keeps room
//! for [`ARTICLE_MIN_CHARS`] characters a line; the side panels take what is left,
//! each within its own minimum and maximum width, and a panel without room for its
//! minimum is hidden (the spans panel is given room before the documents panel). The
//! user shows or hides either panel with its key (Ctrl+B, Ctrl+Shift+B: the command
//! table's) or from the View menu: a panel shown that way stays even where
//! it narrows the article, one hidden stays hidden. These choices last while the
//! window is open; every start shows both panels where they fit. The App draws its
//! side panels here ([`App::side_panels_ui`]).

use super::App;
use crate::session::Command;
use crate::session::WindowPart;
use crate::ui::bars::SidePanelsShown;
use crate::ui::theme::{FONT_SIZE, MARGIN};
use egui::{Color32, FontId, Rangef, Ui};

/// The article keeps room for this many characters (of average width) a line while
/// the side panels give way: 40, and a long word that wraps early.
const ARTICLE_MIN_CHARS: f32 = 50.0;
/// The documents panel's width: its default, least and most.
const DOCUMENTS_DEFAULT: f32 = 230.0;
const DOCUMENTS_WIDTH: Rangef = Rangef {
    min: 150.0,
    max: 300.0,
};
/// The spans panel's width: its default, least and most.
const SPANS_DEFAULT: f32 = 320.0;
const SPANS_WIDTH: Rangef = Rangef {
    min: 220.0,
    max: 440.0,
};
/// The central panel's margin, left and right.
const CENTRAL_MARGIN: f32 = 8.0;
/// A sentence of the kind articles hold, to measure the average character width by.
const SAMPLE: &str = "The minister said on Tuesday that 270 drones and 40% of the roads \
                      were hit, and that “we will rebuild every bridge” before winter.";

impl App {
    /// The documents panel and the spans panel, as wide as the article lets them be.
    pub(super) fn side_panels_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        let plan = self
            .panels
            .plan(&ctx, ui.available_rect_before_wrap().width());
        if let Some(range) = plan.documents {
            egui::Panel::left("documents")
                .resizable(true)
                .default_size(DOCUMENTS_DEFAULT)
                .size_range(range)
                .show(ui, |ui| {
                    crate::ui::documents::documents_ui(ui, &self.session, out)
                });
        } else {
            // The ids of what follows stay the same, shown or not.
            ui.skip_ahead_auto_ids(1);
        }
        if plan.spans {
            let range = self
                .panels
                .spans_range(&ctx, ui.available_rect_before_wrap().width());
            egui::Panel::right("spans")
                .resizable(true)
                .default_size(SPANS_DEFAULT)
                .size_range(range)
                .show(ui, |ui| self.spans.ui(ui, &self.session, out));
        } else {
            ui.skip_ahead_auto_ids(1);
        }
    }

    /// Shows or hides a part of the window (its key, or the View and Help menus).
    pub(super) fn toggle(&mut self, part: WindowPart) {
        match part {
            WindowPart::DocumentsPanel => self.panels.toggle_documents(),
            WindowPart::SpansPanel => self.panels.toggle_spans(),
            WindowPart::Statistics => {
                let on = !self.spans.statistics_shown();
                self.spans.show_statistics(on);
                if on && !self.panels.shown().spans {
                    self.panels.toggle_spans();
                }
            }
            WindowPart::Claims => {
                if self.spans.claims_shown() {
                    self.spans.show_statistics(false);
                } else {
                    self.spans.show_claims();
                    if !self.panels.shown().spans {
                        self.panels.toggle_spans();
                    }
                }
            }
            WindowPart::KeyboardHelp | WindowPart::Guidelines => self.help.open(part),
            WindowPart::Labels => self.labels.toggle(),
            WindowPart::About => self.about.open = true,
        }
    }

    /// Which side panels (and which tab of the spans panel) show.
    pub(super) fn shown(&self) -> SidePanelsShown {
        SidePanelsShown {
            statistics: self.spans.statistics_shown(),
            claims: self.spans.claims_shown(),
            ..self.panels.shown()
        }
    }
}

/// What the user asked of a side panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Wish {
    /// Shown where it fits.
    #[default]
    Auto,
    Hidden,
    /// Shown even where the article has less room than it should.
    Shown,
}

/// The side panels' state: what the user asked for and what the last frame showed.
#[derive(Default)]
pub(super) struct SidePanels {
    documents: Wish,
    spans: Wish,
    shown: SidePanelsShown,
    /// The width the article needs, in points (measured from the font once).
    article_min: Option<f32>,
}

/// Which side panels one frame shows, and the documents panel's width range.
struct Plan {
    documents: Option<Rangef>,
    spans: bool,
}

impl SidePanels {
    /// What the last frame showed (the View menu's ticks).
    pub(super) fn shown(&self) -> SidePanelsShown {
        self.shown
    }

    /// Shows the documents panel if it is hidden, hides it if it shows.
    fn toggle_documents(&mut self) {
        self.documents = if self.shown.documents {
            Wish::Hidden
        } else {
            Wish::Shown
        };
    }

    /// Shows the spans panel if it is hidden, hides it if it shows.
    fn toggle_spans(&mut self) {
        self.spans = if self.shown.spans {
            Wish::Hidden
        } else {
            Wish::Shown
        };
    }

    /// The spans panel shows (F2: the user wants the inspector).
    pub(super) fn show_spans(&mut self) {
        self.spans = Wish::Shown;
    }

    /// The spans panel shows again where it fits, if the user had hidden it.
    pub(super) fn unhide_spans(&mut self) {
        if self.spans == Wish::Hidden {
            self.spans = Wish::Auto;
        }
    }

    /// The central width the article needs for [`ARTICLE_MIN_CHARS`] a line.
    fn article_min(&mut self, ctx: &egui::Context) -> f32 {
        *self.article_min.get_or_insert_with(|| {
            let width = ctx.fonts_mut(|fonts| {
                fonts
                    .layout_no_wrap(
                        SAMPLE.to_owned(),
                        FontId::proportional(FONT_SIZE),
                        Color32::PLACEHOLDER,
                    )
                    .size()
                    .x
            });
            let char_width = width / SAMPLE.chars().count() as f32;
            ARTICLE_MIN_CHARS * char_width + 2.0 * (MARGIN + CENTRAL_MARGIN)
        })
    }

    /// Which panels show in a window `width` points wide (the side panels' row).
    fn plan(&mut self, ctx: &egui::Context, width: f32) -> Plan {
        let room = width - self.article_min(ctx);
        let plan = plan(self.documents, self.spans, room);
        self.shown = SidePanelsShown {
            documents: plan.documents.is_some(),
            spans: plan.spans,
            statistics: false,
            claims: false,
        };
        plan
    }

    /// The spans panel's width range, once the documents panel has taken its part:
    /// `width` is what is left of the row.
    fn spans_range(&mut self, ctx: &egui::Context, width: f32) -> Rangef {
        let room = width - self.article_min(ctx);
        Rangef::new(
            SPANS_WIDTH.min,
            room.clamp(SPANS_WIDTH.min, SPANS_WIDTH.max),
        )
    }
}

/// The panels shown with `room` points beside the article's minimum, and the
/// documents panel's range (leaving the spans panel its minimum).
fn plan(documents: Wish, spans: Wish, room: f32) -> Plan {
    // Panels the user asked for come first, then the spans panel, then the documents.
    let mut left = room;
    for (wish, width) in [(documents, DOCUMENTS_WIDTH), (spans, SPANS_WIDTH)] {
        if wish == Wish::Shown {
            left -= width.min;
        }
    }
    let spans = match spans {
        Wish::Shown => true,
        Wish::Hidden => false,
        Wish::Auto => {
            let fits = left >= SPANS_WIDTH.min;
            if fits {
                left -= SPANS_WIDTH.min;
            }
            fits
        }
    };
    let documents = match documents {
        Wish::Shown => true,
        Wish::Hidden => false,
        Wish::Auto => left >= DOCUMENTS_WIDTH.min,
    };
    let documents = documents.then(|| {
        let beside = if spans { SPANS_WIDTH.min } else { 0.0 };
        let most = (room - beside).min(DOCUMENTS_WIDTH.max);
        Rangef::new(DOCUMENTS_WIDTH.min, most.max(DOCUMENTS_WIDTH.min))
    });
    Plan { documents, spans }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_give_way_to_the_article_spans_last() {
        let wide = plan(Wish::Auto, Wish::Auto, 900.0);
        assert_eq!(wide.documents, Some(DOCUMENTS_WIDTH));
        assert!(wide.spans);
        // Room for both minimums: the documents panel leaves the spans panel its own.
        let both = plan(Wish::Auto, Wish::Auto, 400.0);
        assert_eq!(both.documents, Some(Rangef::new(150.0, 180.0)));
        assert!(both.spans);
        // Room for one: the spans panel.
        let one = plan(Wish::Auto, Wish::Auto, 300.0);
        assert_eq!(one.documents, None);
        assert!(one.spans);
        let none = plan(Wish::Auto, Wish::Auto, 100.0);
        assert_eq!(none.documents, None);
        assert!(!none.spans);
    }

    #[test]
    fn panels_the_user_shows_or_hides_stay_so() {
        // Shown without room: at its minimum, and the other gives way.
        let shown = plan(Wish::Shown, Wish::Auto, 100.0);
        assert_eq!(shown.documents, Some(Rangef::point(150.0)));
        assert!(!shown.spans);
        let hidden = plan(Wish::Auto, Wish::Hidden, 900.0);
        assert_eq!(hidden.documents, Some(DOCUMENTS_WIDTH));
        assert!(!hidden.spans);
        let spans = plan(Wish::Auto, Wish::Shown, 250.0);
        assert_eq!(spans.documents, None);
        assert!(spans.spans);
    }
}
