//! Agreement between coders: Krippendorff's unitizing alpha ([`alpha`]) and exact and
//! overlap F1 ([`f1`]), and both over coders' project files ([`study`]), with exact F1
//! of their links ([`links`]).

pub mod alpha;
pub mod assign;
pub mod f1;
mod links;
pub mod merge;
pub mod study;
