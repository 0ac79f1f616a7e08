//! The messages area under the menu bar: what went wrong and what was done, newest
//! first, each dismissible; the same message given again shows once with a count; each
//! lasts until what it reports is over (another project, saved work) or, for a
//! confirmation, a few seconds; beyond a few, "N more" lists them all.

use egui::Ui;

/// A message shown at the top of the window until dismissed, or until what it
/// reports is over.
pub struct Message {
    pub text: String,
    pub error: bool,
    /// How many times it was given (shown once, with the count).
    pub count: usize,
    lasts: Lasts,
    /// When it was first shown (egui time), for those that last a moment.
    since: Option<f64>,
}

/// Until when a message stays (the user may dismiss any earlier).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lasts {
    /// While the same project is open: another project, a new one or restored work
    /// ends it.
    ThisProject,
    /// Until the work is saved (or another project opens): restored work, a failed
    /// autosave.
    Unsaved,
    /// A few seconds: a confirmation of what a command did.
    Moment,
}

/// How long a confirmation shows, in seconds.
const NOTICE_SECONDS: f64 = 5.0;

/// How many messages show before "N more".
const SHOWN_MESSAGES: usize = 4;

/// The messages shown, oldest first.
#[derive(Default)]
pub struct Messages {
    list: Vec<Message>,
    /// Every message is listed, not only the newest.
    all: bool,
}

impl Messages {
    /// The messages, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &Message> {
        self.list.iter()
    }

    /// A confirmation of what a command did ("Tagged 3 matches…"): it shows for a few
    /// seconds, the newest replacing the one before.
    pub(super) fn notice(&mut self, text: String) {
        self.list.retain(|m| m.lasts != Lasts::Moment);
        self.add(text, false, Lasts::Moment);
    }

    /// The messages that end with `lasts` go.
    pub(super) fn resolved(&mut self, lasts: Lasts) {
        self.list.retain(|m| {
            m.lasts != lasts && !(lasts == Lasts::ThisProject && m.lasts == Lasts::Unsaved)
        });
        if self.list.len() <= SHOWN_MESSAGES {
            self.all = false;
        }
    }

    /// Adds a message; one already shown moves to the top with its count raised.
    pub(super) fn add(&mut self, text: String, error: bool, lasts: Lasts) {
        let count = match self
            .list
            .iter()
            .position(|m| m.text == text && m.error == error)
        {
            Some(i) => self.list.remove(i).count + 1,
            None => 1,
        };
        self.list.push(Message {
            text,
            error,
            count,
            lasts,
            since: None,
        });
    }

    /// The newest messages (all of them on request), newest first, each with ✕.
    pub(super) fn ui(&mut self, ui: &mut Ui) {
        let now = ui.input(|i| i.time);
        for m in self.list.iter_mut().filter(|m| m.lasts == Lasts::Moment) {
            let since = *m.since.get_or_insert(now);
            let left = NOTICE_SECONDS - (now - since);
            if left > 0.0 {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(left));
            }
        }
        self.list.retain(|m| {
            m.lasts != Lasts::Moment || m.since.is_none_or(|s| now - s < NOTICE_SECONDS)
        });
        let mut dismissed = None;
        let hidden = self.list.len().saturating_sub(SHOWN_MESSAGES);
        let shown = if self.all {
            self.list.len()
        } else {
            SHOWN_MESSAGES
        };
        let mut rows = |ui: &mut Ui| {
            for (i, message) in self.list.iter().enumerate().rev().take(shown) {
                let color = if message.error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().text_color()
                };
                ui.horizontal(|ui| {
                    if ui.small_button("✕").on_hover_text("Dismiss").clicked() {
                        dismissed = Some(i);
                    }
                    let text = if message.count > 1 {
                        format!("{} (×{})", message.text, message.count)
                    } else {
                        message.text.clone()
                    };
                    ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
                });
            }
        };
        // Many messages scroll; a few are listed as they are (a scroll area learns its
        // height a frame late, which would move the buttons below it).
        if self.all && self.list.len() > 3 * SHOWN_MESSAGES {
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .id_salt("messages")
                .show(ui, rows);
        } else {
            rows(ui);
        }
        if hidden > 0 {
            ui.horizontal(|ui| {
                let toggle = if self.all {
                    "Show fewer messages".to_owned()
                } else {
                    format!("{hidden} more messages")
                };
                if ui.small_button(toggle).clicked() {
                    self.all = !self.all;
                }
                if ui.small_button("Dismiss all").clicked() {
                    self.list.clear();
                    self.all = false;
                }
            });
        }
        if let Some(i) = dismissed {
            self.list.remove(i);
        }
    }
}
