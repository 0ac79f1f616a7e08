//! Where the current article comes from: the "Source" section of the document panel
//! (URL, outlet, authors, date, language as one-line fields; the corpus's other fields
//! listed read-only), and the one-line source shown above the article ("Harbour Post ·
//! 2026-02-01 · Ann Lee, Bo Chen" and the URL as a link).
//!
//! A field edits a draft (kept in egui's memory while it has the keyboard); Enter or
//! leaving the field sends `EditCommand::SetMeta` with every field as it was and this
//! one as typed, one undoable edit; Esc leaves the field without sending. The session
//! checks the value and refuses one that does not fit; under the field, in the error
//! colour, is why it would be refused while it is typed.

use super::preview;
use super::theme::MARGIN;
use crate::model::{ArticleMeta, Document};
use crate::session::{Command, EditCommand};
use egui::{Id, Key, Label, RichText, TextEdit, TextStyle, TextWrapMode, Ui, WidgetText};

/// Below this width the field names go above their fields instead of beside them.
const SIDE_BY_SIDE_WIDTH: f32 = 200.0;
/// The URL shown on the source line, at most (characters).
const LINK_CHARS: usize = 40;

/// One field of an article's source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Url,
    Outlet,
    Authors,
    Published,
    Language,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Url,
        Field::Outlet,
        Field::Authors,
        Field::Published,
        Field::Language,
    ];

    /// The name shown beside the field (and, with the document's, its accessible name).
    pub fn name(self) -> &'static str {
        match self {
            Field::Url => "URL",
            Field::Outlet => "Outlet",
            Field::Authors => "Authors",
            Field::Published => "Date",
            Field::Language => "Language",
        }
    }

    /// What an empty field shows.
    fn hint(self) -> &'static str {
        match self {
            Field::Url => "https://…",
            Field::Outlet => "publication",
            Field::Authors => "name; name",
            Field::Published => "YYYY-MM-DD",
            Field::Language => "en",
        }
    }

    fn hover(self) -> &'static str {
        match self {
            Field::Url => "The article's address",
            Field::Outlet => "The publication",
            Field::Authors => "The authors, separated by ;",
            Field::Published => "When it was published: YYYY-MM-DD, YYYY-MM or YYYY",
            Field::Language => "A language tag: en, uk, pt-BR",
        }
    }

    /// The field's value as text (authors joined with `; `).
    pub fn get(self, meta: &ArticleMeta) -> String {
        let text = match self {
            Field::Url => &meta.url,
            Field::Outlet => &meta.outlet,
            Field::Published => &meta.published,
            Field::Language => &meta.language,
            Field::Authors => return meta.authors.join("; "),
        };
        text.clone().unwrap_or_default()
    }

    /// `meta` with this field set to `text` (blank: none; the session trims).
    pub fn set(self, meta: &mut ArticleMeta, text: &str) {
        let value = (!text.trim().is_empty()).then(|| text.to_owned());
        match self {
            Field::Url => meta.url = value,
            Field::Outlet => meta.outlet = value,
            Field::Published => meta.published = value,
            Field::Language => meta.language = value,
            Field::Authors => meta.authors = authors(text),
        }
    }

    /// How [`ArticleMeta::problems`] names this field.
    fn problem_prefix(self) -> Option<&'static str> {
        match self {
            Field::Url => Some("url: "),
            Field::Published => Some("date: "),
            Field::Language => Some("language: "),
            Field::Outlet | Field::Authors => None,
        }
    }
}

/// The authors typed in one line, separated by `;`.
pub fn authors(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The source in one line: outlet, date, authors, separated by ` · ` (empty when none
/// of them is set).
pub fn summary(meta: &ArticleMeta) -> String {
    let authors = meta.authors.join(", ");
    [meta.outlet.as_deref(), meta.published.as_deref()]
        .into_iter()
        .flatten()
        .chain((!authors.is_empty()).then_some(authors.as_str()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The URL as the source line shows it: without `https://` and `www.`, shortened.
pub fn short_url(url: &str) -> String {
    let bare = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    preview(bare.trim_end_matches('/'), LINK_CHARS)
}

/// The article's source in one line over the article's column (`width` points wide,
/// centred as the column is): outlet · date · authors, then the URL as a link (a click
/// opens the browser; right-click copies it). Where the line is too narrow both are
/// cut with …, the source keeping at least half the line; each shows whole on hover.
/// Nothing when none is set.
pub fn source_line_ui(ui: &mut Ui, meta: &ArticleMeta, width: f32) {
    let text = summary(meta);
    let url = meta.url.as_deref();
    if text.is_empty() && url.is_none() {
        return;
    }
    let link_text = url.map(short_url);
    let link_width = link_text
        .as_deref()
        .map_or(0.0, |t| text_width(ui, t) + ui.spacing().item_spacing.x);
    ui.horizontal(|ui| {
        let inset = ((ui.available_width() - width) / 2.0).max(MARGIN);
        let width = width.min(ui.available_width() - inset).max(0.0);
        // The width first: it starts where the row starts, not after the space.
        ui.set_max_width(inset + width);
        ui.add_space(inset);
        if !text.is_empty() {
            ui.scope(|ui| {
                let room = ui.available_width();
                ui.set_max_width((room - link_width).max(room / 2.0));
                ui.add(Label::new(RichText::new(&text).weak()).truncate())
                    .on_hover_text(&text);
            });
        }
        if let (Some(url), Some(shown)) = (url, link_text) {
            ui.scope(|ui| {
                ui.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
                let link = ui
                    .add(egui::Hyperlink::from_label_and_url(shown, url).open_in_new_tab(true))
                    .on_hover_text(format!("{url}\nClick to open, right-click to copy"));
                link.context_menu(|ui| {
                    if ui.button("Copy URL").clicked() {
                        ui.ctx().copy_text(url.to_owned());
                        ui.close();
                    }
                });
            });
        }
    });
}

/// How wide `text` is in one line of body text.
fn text_width(ui: &Ui, text: &str) -> f32 {
    WidgetText::from(text)
        .into_galley(
            ui,
            Some(TextWrapMode::Extend),
            f32::INFINITY,
            TextStyle::Body,
        )
        .size()
        .x
}

/// The "Source" section of `doc`: a field each, then the other fields read-only.
pub fn source_form_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    let id = Id::unique("spanmark-source-form");
    let state =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
    let mut clicked = false;
    let mut header = state.show_header(ui, |ui| {
        // The name opens and closes the section too, not only the arrow.
        clicked = ui
            .add(egui::Button::new("Source").frame(false))
            .on_hover_text("Where the article comes from: URL, outlet, authors, date")
            .clicked();
    });
    if clicked {
        header.toggle();
    }
    header.body(|ui| {
        let side_by_side = ui.available_width() >= SIDE_BY_SIDE_WIDTH;
        let name_width = Field::ALL
            .iter()
            .map(|f| text_width(ui, f.name()))
            .fold(0.0, f32::max);
        for field in Field::ALL {
            if side_by_side {
                ui.horizontal(|ui| {
                    let height = ui.spacing().interact_size.y;
                    ui.add_sized([name_width, height], Label::new(field.name()));
                    field_ui(ui, doc, field, out);
                });
            } else {
                ui.label(field.name());
                field_ui(ui, doc, field, out);
            }
        }
        for (name, value) in &doc.meta.extra {
            ui.add(Label::new(RichText::new(format!("{name}: {value}")).weak()).wrap())
                .on_hover_text("From the corpus file (read-only)");
        }
    });
}

/// One field of the form, as wide as there is room.
fn field_ui(ui: &mut Ui, doc: &Document, field: Field, out: &mut Vec<Command>) {
    let draft_id = Id::unique(("spanmark-source-draft", doc.id.0, field));
    let stored = field.get(&doc.meta);
    let mut text = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| stored.clone());
    let response = ui
        .vertical(|ui| {
            let response = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .hint_text(field.hint())
                        .desired_width(ui.available_width())
                        .id_salt(("source", field)),
                )
                .accessible_name(format!("{} of {}", field.name(), doc.name))
                .on_hover_text(field.hover());
            if response.has_focus()
                && let Some(why) = problem(&doc.meta, field, &text)
            {
                super::attribute_field::problem_ui(ui, &why);
            }
            response
        })
        .inner;
    if response.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(draft_id));
        // Esc leaves the field as it was.
        let escaped = ui.input(|i| i.key_pressed(Key::Escape));
        if !escaped && text != stored {
            let mut meta = doc.meta.clone();
            field.set(&mut meta, &text);
            out.push(EditCommand::SetMeta(doc.id, meta).into());
        }
    } else if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
    }
}

/// Why the session would refuse `text` in `field` of `meta`, if it would.
fn problem(meta: &ArticleMeta, field: Field, text: &str) -> Option<String> {
    let prefix = field.problem_prefix()?;
    let mut meta = meta.clone();
    field.set(&mut meta, text);
    meta.cleaned()
        .problems()
        .into_iter()
        .find_map(|p| p.strip_prefix(prefix).map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> ArticleMeta {
        ArticleMeta {
            url: Some("https://www.harbourpost.example/2026/02/bridges/".into()),
            outlet: Some("Harbour Post".into()),
            authors: vec!["Ann Lee".into(), "Bo Chen".into()],
            published: Some("2026-02-01".into()),
            language: Some("en".into()),
            extra: [("section".to_owned(), "City".to_owned())].into(),
        }
    }

    #[test]
    fn the_source_line_reads_outlet_date_authors() {
        assert_eq!(
            summary(&meta()),
            "Harbour Post · 2026-02-01 · Ann Lee, Bo Chen"
        );
        let only_date = ArticleMeta {
            published: Some("2026".into()),
            ..ArticleMeta::default()
        };
        assert_eq!(summary(&only_date), "2026");
        assert_eq!(summary(&ArticleMeta::default()), "");
        assert_eq!(
            short_url("https://www.harbourpost.example/2026/02/bridges/"),
            "harbourpost.example/2026/02/bridges"
        );
        assert_eq!(short_url("http://a.example/x"), "a.example/x");
        let long = format!("https://a.example/{}", "x".repeat(80));
        assert_eq!(short_url(&long).chars().count(), LINK_CHARS);
    }

    #[test]
    fn fields_read_and_write_their_part_only() {
        let mut m = meta();
        assert_eq!(Field::Authors.get(&m), "Ann Lee; Bo Chen");
        Field::Authors.set(&mut m, " Lee, Ann ;; Chen, Bo; ");
        assert_eq!(m.authors, ["Lee, Ann", "Chen, Bo"]);
        Field::Outlet.set(&mut m, "  ");
        assert_eq!(m.outlet, None);
        Field::Published.set(&mut m, "2026-03");
        assert_eq!(Field::Published.get(&m), "2026-03");
        assert_eq!(m.extra, meta().extra);
        assert_eq!(m.url, meta().url);
    }

    #[test]
    fn a_value_that_would_be_refused_says_why() {
        let m = meta();
        let why = problem(&m, Field::Published, "2026-02-30").unwrap();
        assert!(why.contains("not a date"), "{why}");
        assert!(problem(&m, Field::Published, "2026-02-28").is_none());
        assert!(problem(&m, Field::Published, "").is_none());
        assert!(problem(&m, Field::Language, "english").is_some());
        assert!(problem(&m, Field::Url, "harbourpost").is_some());
        assert!(problem(&m, Field::Outlet, "anything").is_none());
    }
}
