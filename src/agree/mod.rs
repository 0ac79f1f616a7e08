//! Agreement between coders: Krippendorff's unitizing alpha ([`alpha`]).

pub mod alpha;
