//! The report's charts as inline SVG: horizontal bar charts with the count beside each
//! bar, a `<title>` and a `<desc>` giving every number (what a screen reader says), and
//! a title on each bar (the browser's tooltip). Also what they count: claims per
//! verdict in the order of the project's scale, then verdicts off the scale, then
//! claims without one; spans per label in the label bar's order and colours. The
//! verdict colours, shared with the claims tables, live here too.

use super::html::{cut, escape};
use crate::model::claims::{self, Claim};
use crate::model::label::is_valid_color;
use crate::model::stats::ProjectStats;
use crate::model::{Label, Project};
use std::fmt::Write as _;

/// The bar of claims that have no verdict.
pub(crate) const NO_VERDICT: &str = "no verdict";

/// One bar: what it counts, how many, and its fill (`#RRGGBB`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Bar {
    pub(crate) name: String,
    pub(crate) count: usize,
    pub(crate) color: String,
}

/// Okabe–Ito colours from good to bad, for the rated verdicts (true … false).
const RATED_COLORS: [&str; 5] = ["#009E73", "#56B4E9", "#F0E442", "#E69F00", "#D55E00"];
/// For verdicts named but not rated (misleading, unverifiable) and those off the scale.
const UNRATED_COLORS: [&str; 3] = ["#CC79A7", "#8C8C8C", "#0072B2"];
const NO_VERDICT_COLOR: &str = "#D4D4D4";
const FALLBACK_LABEL_COLOR: &str = "#8C8C8C";

/// The colour of `verdict` in the charts and tables.
pub(crate) fn verdict_color(project: &Project, verdict: &str) -> &'static str {
    if verdict.is_empty() {
        return NO_VERDICT_COLOR;
    }
    let scale = claims::verdict_scale(project);
    let rated = project.desk.rated_verdicts.min(scale.len());
    match scale.iter().position(|v| v == verdict) {
        Some(at) if at < rated => {
            // Spread the rated verdicts over the whole ramp, best to worst.
            let step = if rated > 1 {
                at * (RATED_COLORS.len() - 1) / (rated - 1)
            } else {
                0
            };
            RATED_COLORS[step]
        }
        Some(at) => UNRATED_COLORS[(at - rated) % UNRATED_COLORS.len()],
        None => UNRATED_COLORS[UNRATED_COLORS.len() - 1],
    }
}

/// A label's colour when it is a `#RRGGBB` colour, else a grey: only a checked value
/// reaches a `style` attribute.
pub(crate) fn label_color(label: &Label) -> &str {
    if is_valid_color(&label.color) {
        &label.color
    } else {
        FALLBACK_LABEL_COLOR
    }
}

/// Claims per verdict: the scale's verdicts in order (with zeros), then any verdict
/// found off the scale (in order of first appearance), then [`NO_VERDICT`].
pub(crate) fn verdict_bars(project: &Project, claims: &[Claim]) -> Vec<Bar> {
    let mut bars: Vec<Bar> = claims::verdict_scale(project)
        .into_iter()
        .map(|name| Bar {
            color: verdict_color(project, &name).to_owned(),
            name,
            count: 0,
        })
        .collect();
    let mut without = 0;
    for claim in claims {
        let verdict = claim.verdict();
        if verdict.is_empty() {
            without += 1;
        } else if let Some(bar) = bars.iter_mut().find(|b| b.name == verdict) {
            bar.count += 1;
        } else {
            bars.push(Bar {
                name: verdict.to_owned(),
                count: 1,
                color: verdict_color(project, verdict).to_owned(),
            });
        }
    }
    bars.push(Bar {
        name: NO_VERDICT.to_owned(),
        count: without,
        color: NO_VERDICT_COLOR.to_owned(),
    });
    bars
}

/// Spans per label over the whole project, in the label bar's order and colours.
pub(crate) fn label_bars(project: &Project) -> Vec<Bar> {
    let stats = ProjectStats::of(project);
    project
        .labels
        .iter()
        .zip(&stats.totals)
        .map(|(label, &count)| Bar {
            name: label.name.clone(),
            count,
            color: label_color(label).to_owned(),
        })
        .collect()
}

const CHART_WIDTH_PX: usize = 400;
const NAME_WIDTH_PX: usize = 112;
const BAR_MAX_WIDTH_PX: usize = 240;
const ROW_HEIGHT_PX: usize = 26;
const BAR_HEIGHT_PX: usize = 18;
const TOP_PX: usize = 6;
/// Names longer than this are cut in the chart (the bar's title has them whole).
const NAME_MAX_CHARS: usize = 16;

/// A horizontal bar chart of `bars` as an `<svg>` element whose title is `title`;
/// `units` names what is counted (`("claim", "claims")`), `id` makes its element ids
/// unique.
pub(crate) fn bar_chart(id: &str, title: &str, units: (&str, &str), bars: &[Bar]) -> String {
    let unit = |n: usize| if n == 1 { units.0 } else { units.1 };
    let height_px = TOP_PX * 2 + bars.len().max(1) * ROW_HEIGHT_PX;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0);
    let total: usize = bars.iter().map(|b| b.count).sum();
    let desc = if bars.is_empty() {
        format!("No {}.", units.1)
    } else {
        let parts: Vec<String> = bars
            .iter()
            .map(|b| format!("{}: {}", b.name, b.count))
            .collect();
        format!("{total} {}. {}.", unit(total), parts.join("; "))
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg class=\"chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         viewBox=\"0 0 {CHART_WIDTH_PX} {height_px}\" width=\"{CHART_WIDTH_PX}\" \
         height=\"{height_px}\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>",
        escape(title),
        escape(&desc)
    );
    for (row, bar) in bars.iter().enumerate() {
        let top_px = TOP_PX + row * ROW_HEIGHT_PX;
        let mid_px = top_px + ROW_HEIGHT_PX / 2;
        let bar_top_px = top_px + (ROW_HEIGHT_PX - BAR_HEIGHT_PX) / 2;
        let width_px = if max == 0 {
            0.0
        } else {
            (bar.count * BAR_MAX_WIDTH_PX) as f64 / max as f64
        };
        // A count of 1 among hundreds still shows as a sliver.
        let width_px = if bar.count > 0 {
            width_px.max(2.0)
        } else {
            0.0
        };
        let _ = writeln!(
            out,
            "<g class=\"bar\"><title>{name}: {count} {unit}</title>\
             <text class=\"name\" x=\"{name_x}\" y=\"{mid_px}\" text-anchor=\"end\" \
             dominant-baseline=\"central\">{short}</text>\
             <rect x=\"{NAME_WIDTH_PX}\" y=\"{bar_top_px}\" width=\"{width_px:.1}\" \
             height=\"{BAR_HEIGHT_PX}\" rx=\"2\" fill=\"{color}\"/>\
             <text class=\"count\" x=\"{count_x:.1}\" y=\"{mid_px}\" \
             dominant-baseline=\"central\">{count}</text></g>",
            name = escape(&bar.name),
            count = bar.count,
            unit = escape(unit(bar.count)),
            name_x = NAME_WIDTH_PX - 8,
            short = escape(&cut(&bar.name, NAME_MAX_CHARS)),
            color = escape(&bar.color),
            count_x = NAME_WIDTH_PX as f64 + width_px + 6.0,
        );
    }
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"{NAME_WIDTH_PX}\" y1=\"{TOP_PX}\" x2=\"{NAME_WIDTH_PX}\" \
         y2=\"{}\"/>\n</svg>\n",
        height_px - TOP_PX
    );
    out
}
