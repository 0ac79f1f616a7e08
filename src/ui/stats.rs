//! The statistics view of the Spans panel: spans per label per document (with each
//! document's status and the totals) and spans per label per speaker (with the number
//! of documents naming each, and the quotes without a speaker), the same figures as
//! `spanmark stats`, from [`ProjectStats`]. They are counted again only when the
//! project changes ([`StatsCache`]), and only the rows in view are drawn.

use super::theme::label_color;
use crate::model::stats::{ProjectStats, fingerprint};
use crate::model::{LabelSet, Project};
use egui::{Align, Layout, RichText, Ui};

/// The widest the first column (document or speaker names) gets; longer names are cut.
const MAX_NAME_WIDTH: f32 = 200.0;
/// The narrowest the first column gets when the panel is narrow (names are then cut,
/// and shown whole when hovered).
const MIN_NAME_WIDTH: f32 = 64.0;
/// Room between columns.
const COLUMN_GAP: f32 = 8.0;

/// A project's figures, counted again only when [`fingerprint`] changes.
#[derive(Default)]
pub struct StatsCache {
    key: Option<u64>,
    stats: ProjectStats,
}

impl StatsCache {
    /// The figures of `project` as it is now.
    pub fn get(&mut self, project: &Project) -> &ProjectStats {
        let key = fingerprint(project);
        if self.key != Some(key) {
            self.stats = ProjectStats::of(project);
            self.key = Some(key);
        }
        &self.stats
    }
}

/// One line of the view: all of the same height, so the view only draws those in view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    DocumentsTitle,
    DocumentsHeader,
    Document(usize),
    Totals,
    Gap,
    SpeakersTitle,
    SpeakersHeader,
    Speaker(usize),
    NoSpeaker,
}

/// The view's lines and column widths, kept while the figures and the font stay.
#[derive(Default)]
pub struct StatsView {
    made_for: Option<(u64, u32)>,
    lines: Vec<Line>,
    document_widths: Vec<f32>,
    speaker_widths: Vec<f32>,
}

impl StatsView {
    pub fn stats_ui(&mut self, ui: &mut Ui, project: &Project, cache: &mut StatsCache) {
        cache.get(project);
        let font = egui::TextStyle::Body.resolve(ui.style());
        let made_for = cache.key.map(|k| (k, font.size.to_bits()));
        let stats = &cache.stats;
        if self.made_for != made_for {
            self.lay_out(ui, stats, &font);
            self.made_for = made_for;
        }
        // Wrapped: nothing outside the scrolled tables may widen the panel.
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!(
                "{} documents, {} spans, {} speakers",
                stats.documents.len(),
                stats.total,
                stats.speakers.len()
            ));
            if ui
                .small_button("Copy")
                .on_hover_text("Copy the tables as text, as spanmark stats prints them")
                .clicked()
            {
                let mut text = stats.documents_table();
                let speakers = stats.speakers_table();
                if !speakers.is_empty() {
                    text.push('\n');
                    text += &speakers;
                }
                ui.ctx().copy_text(text);
            }
        });
        let row_height = ui.spacing().interact_size.y;
        // The names give way first when the panel is narrow.
        let room = ui.available_width() - ui.spacing().scroll.bar_width;
        let documents = Columns::new(&self.document_widths, 2, room);
        let speakers = Columns::new(&self.speaker_widths, 1, room);
        let labels = &project.labels;
        egui::ScrollArea::both()
            .id_salt("statistics")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, self.lines.len(), |ui, visible| {
                for &line in &self.lines[visible] {
                    let columns = match line {
                        Line::SpeakersHeader | Line::Speaker(_) | Line::NoSpeaker => &speakers,
                        _ => &documents,
                    };
                    line_ui(ui, stats, labels, line, columns, row_height);
                }
            });
    }

    /// The lines of `stats` and the width of each column (its widest cell).
    fn lay_out(&mut self, ui: &Ui, stats: &ProjectStats, font: &egui::FontId) {
        self.lines = vec![Line::DocumentsTitle, Line::DocumentsHeader];
        self.lines
            .extend((0..stats.documents.len()).map(Line::Document));
        self.lines.push(Line::Totals);
        if !stats.speakers.is_empty() || stats.without_speaker.total > 0 {
            self.lines
                .extend([Line::Gap, Line::SpeakersTitle, Line::SpeakersHeader]);
            self.lines
                .extend((0..stats.speakers.len()).map(Line::Speaker));
            if stats.without_speaker.total > 0 {
                self.lines.push(Line::NoSpeaker);
            }
        }
        let mut documents = vec![stats.documents_header(), stats.totals_cells()];
        documents.extend(stats.documents.iter().map(ProjectStats::document_cells));
        self.document_widths = widths(ui, &documents, font);
        let mut speakers = vec![
            stats.speakers_header(),
            stats.speaker_cells(&stats.without_speaker),
        ];
        speakers.extend(stats.speakers.iter().map(|r| stats.speaker_cells(r)));
        self.speaker_widths = widths(ui, &speakers, font);
    }
}

/// Each column's width: that of its longest cell (in characters), laid out in bold,
/// the first column at most [`MAX_NAME_WIDTH`].
fn widths(ui: &Ui, rows: &[Vec<String>], font: &egui::FontId) -> Vec<f32> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..columns)
        .map(|c| {
            let longest = rows
                .iter()
                .filter_map(|r| r.get(c))
                .max_by_key(|cell| cell.chars().count())
                .cloned()
                .unwrap_or_default();
            let text = RichText::new(longest).strong();
            let galley = egui::WidgetText::from(text).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                font.clone(),
            );
            let width = galley.size().x.ceil() + 2.0;
            if c == 0 {
                width.min(MAX_NAME_WIDTH)
            } else {
                width
            }
        })
        .collect()
}

/// How a table line's cells look.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Look {
    Header,
    Plain,
    Strong,
    Weak,
}

/// A table's columns as drawn this frame.
struct Columns<'a> {
    widths: &'a [f32],
    /// The first column's width, narrowed to let the others fit in the room there is.
    name: f32,
    /// How many columns (from the first) are text, aligned left; the others are counts.
    left: usize,
}

impl<'a> Columns<'a> {
    fn new(widths: &'a [f32], left: usize, room: f32) -> Self {
        let widest = widths.first().copied().unwrap_or(0.0);
        let others: f32 = widths.iter().skip(1).map(|w| w + COLUMN_GAP).sum();
        let name = (room - others).min(widest).max(MIN_NAME_WIDTH.min(widest));
        Self { widths, name, left }
    }

    fn width(&self, column: usize) -> f32 {
        if column == 0 {
            self.name
        } else {
            self.widths.get(column).copied().unwrap_or(0.0)
        }
    }
}

/// One line of the view.
fn line_ui(
    ui: &mut Ui,
    stats: &ProjectStats,
    labels: &LabelSet,
    line: Line,
    columns: &Columns,
    height: f32,
) {
    let (cells, look) = match line {
        Line::DocumentsTitle | Line::SpeakersTitle => {
            let title = if line == Line::DocumentsTitle {
                "Spans per label per document"
            } else {
                "Spans per label per speaker"
            };
            ui.allocate_ui_with_layout(
                egui::vec2(ui.available_width(), height),
                Layout::left_to_right(Align::Center),
                |ui| ui.label(RichText::new(title).strong()),
            );
            return;
        }
        Line::Gap => {
            ui.allocate_exact_size(egui::vec2(1.0, height), egui::Sense::hover());
            return;
        }
        Line::DocumentsHeader => (stats.documents_header(), Look::Header),
        Line::Document(i) => match stats.documents.get(i) {
            Some(row) => (ProjectStats::document_cells(row), Look::Plain),
            None => return,
        },
        Line::Totals => (stats.totals_cells(), Look::Strong),
        Line::SpeakersHeader => (stats.speakers_header(), Look::Header),
        Line::Speaker(i) => match stats.speakers.get(i) {
            Some(row) => (stats.speaker_cells(row), Look::Plain),
            None => return,
        },
        Line::NoSpeaker => (stats.speaker_cells(&stats.without_speaker), Look::Weak),
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = COLUMN_GAP;
        for (c, cell) in cells.iter().enumerate() {
            let width = columns.width(c);
            let layout = if c < columns.left {
                Layout::left_to_right(Align::Center)
            } else {
                Layout::right_to_left(Align::Center)
            };
            ui.allocate_ui_with_layout(egui::vec2(width, height), layout, |ui| {
                ui.set_min_size(egui::vec2(width, height));
                if cell.is_empty() {
                    return;
                }
                let text = match look {
                    Look::Plain => RichText::new(cell),
                    Look::Weak => RichText::new(cell).weak(),
                    Look::Strong => RichText::new(cell).strong(),
                    // A label's column in its colour, as in the documents panel.
                    Look::Header if labels.contains(cell) => RichText::new(cell)
                        .strong()
                        .color(label_color(labels, cell)),
                    Look::Header => RichText::new(cell).strong(),
                };
                ui.add(egui::Label::new(text).truncate());
            });
        }
    });
}
