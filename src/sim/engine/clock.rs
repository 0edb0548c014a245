//! Virtual time: the current moment, the ticks, and which of the things due runs next.

use super::SimConfig;
use crate::sim::link::to_micros;

/// The engine's clock: the current time, when the next tick is due, and how many ticks ran.
///
/// Ticks happen only when something needs them (the global tick, traffic or churn, all fixed at
/// construction); then they come every `tick_us`, the first one `tick_us` after the start.
#[derive(Debug)]
pub(super) struct Clock {
    /// The current time in microseconds.
    now_us: u64,
    /// When the next tick is due, if anything ticks.
    next_tick_us: u64,
    /// The length of a tick in microseconds (at least 1).
    tick_us: u64,
    /// Whether anything needs ticks.
    ticking: bool,
    /// Ticks run so far.
    ticks: u64,
}

impl Clock {
    /// The clock at time 0 for the settings `config`.
    pub(super) fn new(config: &SimConfig) -> Self {
        let tick_us = to_micros(config.tick_ms).max(1);
        let ticking = config.global_tick || config.traffic > 0.0 || config.churn != (0.0, 0.0);
        Self { now_us: 0, next_tick_us: tick_us, tick_us, ticking, ticks: 0 }
    }

    /// The current time in microseconds.
    #[inline(always)]
    pub(super) fn now(&self) -> u64 {
        self.now_us
    }

    /// Moves the clock to `time_us`, when something due then runs.
    #[inline(always)]
    pub(super) fn set(&mut self, time_us: u64) {
        self.now_us = time_us;
    }

    /// Ticks run so far.
    pub(super) fn ticks(&self) -> u64 {
        self.ticks
    }

    /// The length of a tick in microseconds.
    pub(super) fn tick_us(&self) -> u64 {
        self.tick_us
    }

    /// When the next tick is due: never (`None`) when nothing ticks.
    pub(super) fn next_tick(&self) -> Option<u64> {
        self.ticking.then_some(self.next_tick_us)
    }

    /// Moves the clock to the next tick and counts it; the one after is due a tick later.
    pub(super) fn start_tick(&mut self) {
        self.now_us = self.next_tick_us;
        self.next_tick_us = self.next_tick_us.saturating_add(self.tick_us);
        self.ticks += 1;
    }
}

/// When the next of each kind of thing is due (`None`: nothing of that kind is pending).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Upcoming {
    /// The next tick.
    pub(super) tick: Option<u64>,
    /// The next scripted action.
    pub(super) script: Option<u64>,
    /// The broadcast workload's next value.
    pub(super) workload: Option<u64>,
    /// The next timer.
    pub(super) timer: Option<u64>,
    /// The next transfer's arrival.
    pub(super) transfer: Option<u64>,
}

impl Upcoming {
    /// The earliest of them all.
    pub(super) fn earliest(&self) -> Option<u64> {
        [self.tick, self.script, self.workload, self.timer, self.transfer].into_iter().flatten().min()
    }
}

/// What the run loop does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Due {
    /// The tick.
    Tick,
    /// The next scripted action, due at this time.
    Script(u64),
    /// The broadcast workload's next value, due at this time.
    Workload(u64),
    /// The timers due at this time.
    Timers(u64),
    /// Every transfer due up to this time (before the next tick, scripted action and timer).
    Transfers(u64),
    /// Nothing before the limit.
    Nothing,
}

impl Due {
    /// What runs next up to `limit`. At equal times the tick runs first, then scripted actions,
    /// then the workload's value, then timers, then transfers; arrivals schedule no ticks,
    /// actions, values or timers, so every transfer due before the next of those can run at once.
    pub(super) fn next(limit: u64, upcoming: Upcoming) -> Due {
        let within = |time: Option<u64>| time.filter(|&t| t <= limit);
        let (tick, script, workload, timer, transfer) = (
            within(upcoming.tick),
            within(upcoming.script),
            within(upcoming.workload),
            within(upcoming.timer),
            within(upcoming.transfer),
        );
        let Some(first) = [tick, script, workload, timer, transfer].into_iter().flatten().min() else {
            return Due::Nothing;
        };
        if tick == Some(first) {
            Due::Tick
        } else if script == Some(first) {
            Due::Script(first)
        } else if workload == Some(first) {
            Due::Workload(first)
        } else if timer == Some(first) {
            Due::Timers(first)
        } else {
            let before = [upcoming.tick, upcoming.script, upcoming.workload, upcoming.timer]
                .into_iter()
                .flatten()
                .min();
            Due::Transfers(before.map_or(limit, |b| b.saturating_sub(1).min(limit)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_ticks_only_when_something_needs_ticks() {
        let idle = Clock::new(&SimConfig::default());
        assert_eq!(idle.next_tick(), None);
        let mut clock = Clock::new(&SimConfig { traffic: 0.1, tick_ms: 2.5, ..SimConfig::default() });
        assert_eq!((clock.next_tick(), clock.tick_us()), (Some(2_500), 2_500));
        clock.start_tick();
        assert_eq!((clock.now(), clock.next_tick(), clock.ticks()), (2_500, Some(5_000), 1));
    }

    fn due(
        limit: u64,
        tick: Option<u64>,
        script: Option<u64>,
        timer: Option<u64>,
        transfer: Option<u64>,
    ) -> Due {
        Due::next(limit, Upcoming { tick, script, workload: None, timer, transfer })
    }

    #[test]
    fn at_equal_times_the_tick_runs_first_then_the_script_then_timers_then_transfers() {
        assert_eq!(due(100, Some(50), Some(50), Some(50), Some(50)), Due::Tick);
        assert_eq!(due(100, Some(60), Some(50), Some(50), Some(50)), Due::Script(50));
        assert_eq!(due(100, Some(60), Some(51), Some(50), Some(50)), Due::Timers(50));
        assert_eq!(due(100, Some(60), Some(55), Some(52), Some(50)), Due::Transfers(51));
        assert_eq!(due(100, None, None, None, Some(50)), Due::Transfers(100));
        let value_at = |workload| Upcoming {
            tick: Some(60),
            script: Some(50),
            workload,
            timer: Some(50),
            transfer: Some(50),
        };
        assert_eq!(Due::next(100, value_at(Some(50))), Due::Script(50), "scripted actions before the value");
        assert_eq!(Due::next(100, Upcoming { script: None, ..value_at(Some(50)) }), Due::Workload(50));
        assert_eq!(Due::next(100, Upcoming { script: None, ..value_at(Some(55)) }), Due::Timers(50));
        assert_eq!(due(100, Some(70), None, None, Some(80)), Due::Tick);
    }

    #[test]
    fn nothing_runs_beyond_the_limit() {
        assert_eq!(due(40, Some(50), Some(45), Some(42), Some(41)), Due::Nothing);
        assert_eq!(due(45, Some(50), Some(45), None, Some(41)), Due::Transfers(44));
        assert_eq!(due(u64::MAX, None, None, None, None), Due::Nothing, "no tick at the end of time");
        let upcoming =
            Upcoming { tick: None, script: Some(9), workload: Some(2), timer: Some(3), transfer: Some(5) };
        assert_eq!(upcoming.earliest(), Some(2));
    }
}
