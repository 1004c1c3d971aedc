//! A property's date-times, read together: each value with its declared zone (its file's, else
//! its property's), and
//! numeric dates (`12/01/2011`) in the day-and-month order the property's other values show.
//!
//! Owns what reading one value alone cannot decide. It must not infer a property's type nor
//! report problems (`normalize::values` does both); it only reads, in parallel.

use rayon::prelude::*;

use super::{ReadTime, SlashOrder, read_time, slash_order};
use rustc_hash::FxHashMap;

use crate::files::FileId;
use crate::model::time::Zone;
use crate::model::{EntityId, Source};
use crate::normalize::claims::Draft;
use crate::normalize::date::DateError;

/// The zones declared for values stated without one: each property's (`[[property]]` `zone`)
/// and each file's (a `[[table]]`'s `zone`), the file's first.
#[derive(Debug, Default)]
pub struct DeclaredZones {
    /// Each property entity's zone, by index.
    pub properties: Vec<Option<Zone>>,
    /// The zone of the files a `[[table]]` with a `zone` maps.
    pub files: FxHashMap<FileId, Zone>,
}

impl DeclaredZones {
    /// The zone a draft's value takes when it states none.
    #[must_use]
    pub fn of(&self, draft: &Draft, property: EntityId) -> Option<Zone> {
        self.files
            .get(&draft.span.file)
            .copied()
            .or_else(|| self.properties.get(property.0 as usize).copied().flatten())
    }
}

/// What reading a draft's date-time needs beside its text: the drafts, their sources (the
/// anchor of a day without a year), each draft's property and the declared zones.
#[derive(Clone, Copy)]
pub(crate) struct TimeInputs<'a> {
    pub drafts: &'a [Draft],
    pub sources: &'a [Source],
    pub property_of: &'a [EntityId],
    pub zones: &'a DeclaredZones,
}

impl TimeInputs<'_> {
    /// The date-time of draft `index`, read with its anchor and zone (and a day-and-month
    /// order, when one is decided).
    fn read(&self, index: usize, order: Option<SlashOrder>) -> Result<ReadTime, DateError> {
        let draft = &self.drafts[index];
        let zone = self.zones.of(draft, self.property_of[index]);
        let published = self.sources[draft.source.0 as usize].published.as_ref();
        read_time(&draft.stated, published, zone, order)
    }
}

/// Date-times, read where `wanted`: where a property is declared to hold them and where a
/// value carries a clock time in a property that may hold dates (a date property reads its
/// date part); `None` elsewhere.
///
/// `values` are the drafts read, by index (one for each distinct value); the result and
/// `wanted` follow their order.
pub(crate) fn read_times(
    inputs: TimeInputs<'_>,
    values: &[usize],
    wanted: impl Fn(usize) -> bool + Sync,
) -> Vec<Option<Result<ReadTime, DateError>>> {
    values
        .par_iter()
        .enumerate()
        .map(|(position, &index)| wanted(position).then(|| inputs.read(index, None)))
        .collect()
}

/// Date-times read where `wanted`, as [`read_times`] reads them, for a few of the values: only
/// those read, with their position in `values` (a list of millions of empty slots costs as
/// much memory as a full one).
pub(crate) fn read_more_times(
    inputs: TimeInputs<'_>,
    values: &[usize],
    wanted: impl Fn(usize) -> bool + Sync,
) -> Vec<(usize, Result<ReadTime, DateError>)> {
    values
        .par_iter()
        .enumerate()
        .filter(|&(position, _)| wanted(position))
        .map(|(position, &index)| (position, inputs.read(index, None)))
        .collect()
}

/// Date-times whose numeric date was ambiguous (`12/01/2011 1:55 PM`), read again in the
/// order the property's other values show (`12/13/2011`), when they all show one order.
/// `values` and `times` are as [`read_times`] takes and gives them.
pub(crate) fn decide_slash_orders(
    inputs: TimeInputs<'_>,
    values: &[usize],
    mut times: Vec<Option<Result<ReadTime, DateError>>>,
) -> Vec<Option<Result<ReadTime, DateError>>> {
    let TimeInputs {
        drafts,
        property_of,
        zones,
        ..
    } = inputs;
    let properties = zones.properties.len();
    let mut shown = vec![(0usize, 0usize); properties];
    for (position, &index) in values.iter().enumerate() {
        if times[position].is_some() {
            let counts = &mut shown[property_of[index].0 as usize];
            match slash_order(&drafts[index].stated) {
                Some(SlashOrder::MonthFirst) => counts.0 += 1,
                Some(SlashOrder::DayFirst) => counts.1 += 1,
                None => {}
            }
        }
    }
    let decided: Vec<Option<SlashOrder>> = shown
        .iter()
        .map(|&(month_first, day_first)| match (month_first, day_first) {
            (1.., 0) => Some(SlashOrder::MonthFirst),
            (0, 1..) => Some(SlashOrder::DayFirst),
            _ => None,
        })
        .collect();
    if decided.iter().all(Option::is_none) {
        return times;
    }
    let again: Vec<(usize, Result<ReadTime, DateError>)> = times
        .par_iter()
        .zip(values)
        .enumerate()
        .filter_map(|(position, (parsed, &index))| {
            let property = property_of[index].0 as usize;
            let order = decided[property].filter(|_| matches!(parsed, Some(Err(_))))?;
            Some((position, inputs.read(index, Some(order))))
        })
        .collect();
    for (position, parsed) in again {
        times[position] = Some(parsed);
    }
    times
}
