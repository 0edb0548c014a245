//! Writes the TypeScript side of the boundary (`src/js/generated/`) from the schema and the
//! declared defaults ([`crate::sim::defaults`]).

use std::fmt::Write;

use super::codes::{
    verdict, BulkOpKind, DrainEvent, ErrorCode, NodeStatus, FIRST_UNKNOWN_CLAIM, NEEDS_SIZE, NONE,
};
use super::layouts::*;
use super::{CodeTable, Field, Layout};
use crate::distribution::Metrics;
use crate::error::JsNumber;
use crate::experiment::MeasureSummary;
use crate::message::HEADER_BYTES;
use crate::observer::AnomalyKind;
use crate::sim::defaults::{
    Entry, BYZANTINE_PARAMETERS, NETWORK_OPTIONS, SCENARIO_NODE_SETTINGS, TOPOLOGY_PARAMETERS,
};
use crate::sim::engine::{Outlook, Refusal, SimStats};
use crate::sim::trace::TraceKind;
use crate::sim::workload::{
    BroadcastSummary, Disturbance, DisturbanceRecord, HealRecord, MissingValue, SyncSummary,
};

/// Where the generated modules live, from the crate's root.
pub const DIR: &str = "src/js/generated";

/// Each generated module: its file name in [`DIR`] and its full text. (No module re-exports the
/// others: in the CommonJS build a re-export turns every read of a constant into a getter call.)
pub fn modules() -> [(&'static str, String); 7] {
    [
        ("reports.ts", reports()),
        ("bulk.ts", bulk()),
        ("arrays.ts", arrays()),
        ("codes.ts", codes()),
        ("defaults.ts", defaults()),
        ("workloads.ts", workloads()),
        ("experiments.ts", experiments()),
    ]
}

/// The records of an experiment's summary.
fn experiments() -> String {
    let mut out = Module::headed("The records of an experiment's summary: one per measure and point.");
    out.layout::<MeasureSummary>();
    out.text
}

/// The records of the reports broadcasts, unicasts, batches and runs write.
fn reports() -> String {
    let mut out =
        Module::headed("The records of the reports a broadcast, a unicast, a batch and a run write.");
    out.layout::<BroadcastStamp>();
    out.layout::<UnicastReport>();
    out.layout::<Rejection>();
    out.layout::<WatcherAnomalyRecord>();
    out.layout::<BatchHead>();
    out.layout::<BatchGroup>();
    out.layout::<DrainHead>();
    out.layout::<ArrivalEvent>();
    out.layout::<SentEvent>();
    out.layout::<CompletedEvent>();
    out.layout::<TimerEvent>();
    out.layout::<LifecycleEvent>();
    out.layout::<OfferedEvent>();
    out.text
}

/// The records of a bulk protocol's batch (after a run's report's events) and of its requests.
fn bulk() -> String {
    let mut out =
        Module::headed("The records of a bulk protocol's batch and of the requests its handlers make.");
    out.layout::<BulkArrivalRecord>();
    out.layout::<BulkTimerRecord>();
    out.layout::<BulkOpRecord>();
    out.text
}

/// The records of the workload checkers' report.
fn workloads() -> String {
    let mut out = Module::headed("The records of `workloadReport()`: the checkers' figures and rows.");
    out.layout::<WorkloadReportHead>();
    out.layout::<BroadcastSummary>();
    out.layout::<MissingValue>();
    out.layout::<HealRecord>();
    out.layout::<SyncSummary>();
    out.layout::<DisturbanceRecord>();
    out.table::<Disturbance>("DISTURBANCES", "DISTURBANCE", "Disturbance");
    out.text
}

/// The records of the typed arrays handed to apps: drawing, trace, statistics, attack lab.
fn arrays() -> String {
    let mut out = Module::headed(
        "The records of the arrays the bindings hand out: drawing, trace, statistics, attack lab.",
    );
    out.import_table(ANOMALY_KIND_NAMES);
    out.layout::<NodeStateRecord>();
    out.layout::<TransferRecord>();
    out.layout::<TraceRecord>();
    out.layout::<AttackLabRecord>();
    out.layout::<SimStats>();
    out.layout::<Metrics>();
    out.layout::<NodeStats>();
    out.counts_reader(ANOMALY_KIND_NAMES);
    let by_kind = Counts { field: ANOMALIES_BY_KIND, table: ANOMALY_KIND_NAMES, len: AnomalyKind::ALL.len() };
    out.counted::<StatisticsTotals>(
        "StatisticsTotals",
        "What an observer counted over every message (`MeshObserver.getStatistics()` adds `bySender`).",
        by_kind,
    );
    out.counted::<SenderTotals>(
        "SenderStatistics",
        "One sender's record with an observer: its counts, how far it can be trusted, what it got wrong.",
        by_kind,
    );
    out.composite(
        "TickStatsRow",
        "One row of `drainTickStats()`: the tick, the running totals then, and how the live nodes stood.",
        TickHead::FIELDS,
        ("SimStats", SimStats::FIELDS),
        TickTail::FIELDS,
    );
    out.text
}

/// The code tables, verdicts and special values.
fn codes() -> String {
    let mut out = Module::headed("The code tables: a code is a name's position.");
    out.table::<NodeStatus>("NODE_STATUSES", "NODE_STATUS", "NodeStatus");
    out.table::<DrainEvent>("DRAIN_EVENTS", "DRAIN_EVENT", "DrainEvent");
    out.table::<BulkOpKind>("BULK_OPS", "BULK_OP", "BulkOpKind");
    out.table::<Outlook>("OUTLOOKS", "OUTLOOK", "Outlook");
    out.table::<Refusal>("REFUSALS", "REFUSAL", "Refusal");
    out.table::<AnomalyKind>(ANOMALY_KIND_NAMES.list, "ANOMALY_KIND", ANOMALY_KIND_NAMES.union);
    out.table::<TraceKind>("TRACE_KINDS", "TRACE_KIND", "TraceKind");
    out.table::<ErrorCode>("ERROR_CODES", "ERROR_CODE", "MeshErrorCode");
    out.verdicts();
    out.doc("The number a report carries for \"none\" in a field that otherwise holds a code, slot or step.");
    let _ = writeln!(out.text, "export const NONE = {NONE};");
    out.doc(
        "An engine-made send's `claimedSlot` for the first claimed id no node has; the i-th is this minus i.",
    );
    let _ = writeln!(out.text, "export const FIRST_UNKNOWN_CLAIM = {FIRST_UNKNOWN_CLAIM};");
    out.doc("What `broadcast` and `unicast` return, sending nothing, when a scheduled network needs the size of a message sent unsized.");
    let _ = writeln!(out.text, "export const NEEDS_SIZE = {NEEDS_SIZE};");
    out.doc("The bytes every message counts besides its payload, for link bandwidth and byte statistics.");
    let _ = writeln!(out.text, "export const MESSAGE_HEADER_BYTES = {HEADER_BYTES};");
    out.text
}

/// The defaults of the settings a caller may leave out.
fn defaults() -> String {
    let mut out =
        Module::headed("The value of each setting a caller leaves out (declared in src/sim/defaults.rs).");
    out.defaults(
        "NETWORK_OPTION_DEFAULTS",
        "What `new MeshNetwork(options)` takes for each option left out (`NetworkOptions`).",
        NETWORK_OPTIONS,
    );
    out.defaults(
        "TOPOLOGY_DEFAULTS",
        "The parameters of a `TopologyOptions` kind, when left out.",
        TOPOLOGY_PARAMETERS,
    );
    out.defaults(
        "BYZANTINE_DEFAULTS",
        "The parameters of a `ByzantineBehaviour`, when left out.",
        BYZANTINE_PARAMETERS,
    );
    out.defaults(
        "SCENARIO_NODE_DEFAULTS",
        "What a scenario's `nodes` take for the settings left out (see docs/scenarios.md).",
        SCENARIO_NODE_SETTINGS,
    );
    out.text
}

/// A setting's default as JavaScript writes it (a group: its settings' defaults, as an object).
pub fn literal(entry: &Entry) -> String {
    match entry {
        Entry::Number(setting) => JsNumber(setting.default).to_string(),
        Entry::Flag(setting) => setting.default.to_string(),
        Entry::Text(setting) => format!("'{}'", setting.default),
        Entry::Group(setting) => {
            let fields: Vec<String> =
                setting.default.iter().map(|entry| format!("{}: {}", entry.name(), literal(entry))).collect();
            format!("{{ {} }}", fields.join(", "))
        }
    }
}

/// A code table's names in TypeScript: its names in code order and their union type.
#[derive(Clone, Copy)]
struct TableNames {
    list: &'static str,
    union: &'static str,
}

impl TableNames {
    /// The type of one count per name, read as the names with a count.
    fn counts_type(self) -> String {
        format!("Partial<Record<{}, number>>", self.union)
    }

    /// The name of the reader of one count per code.
    fn counts_reader(self) -> String {
        format!("read{}Counts", self.union)
    }
}

/// The anomaly kinds' table in TypeScript.
const ANOMALY_KIND_NAMES: TableNames = TableNames { list: "ANOMALY_KINDS", union: "AnomalyKind" };

/// A field that holds one count per code of a table (`len` codes), read as the names with a count.
#[derive(Clone, Copy)]
struct Counts {
    field: Field,
    table: TableNames,
    len: usize,
}

/// The module being written.
#[derive(Default)]
struct Module {
    text: String,
}

impl Module {
    /// A module that starts with the generated-file notice and `about`.
    fn headed(about: &str) -> Self {
        let mut out = Module::default();
        out.line(
            "// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.",
        );
        let _ = writeln!(out.text, "// {about}");
        out.line("");
        out
    }

    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn doc(&mut self, doc: &str) {
        self.doc_indented("", doc);
    }

    fn doc_indented(&mut self, indent: &str, doc: &str) {
        // Rust doc links read as plain code spans in TypeScript.
        let doc = doc.trim().replace("[`", "`").replace("`]", "`");
        let _ = writeln!(self.text, "{indent}/** {doc} */");
    }

    /// Imports a code table's names and type from the module that declares them.
    fn import_table(&mut self, table: TableNames) {
        let _ = writeln!(self.text, "import {{ {}, type {} }} from './codes.js';\n", table.list, table.union);
    }

    /// The offsets of `L`'s fields (and its length), its type, and its reader.
    fn layout<L: Layout>(&mut self) {
        self.record(L::NAME, L::DOC, L::FIELDS);
    }

    /// The offsets of a record's fields (and its length), its type, and its reader.
    fn record(&mut self, name: &str, doc: &str, fields: &[Field]) {
        self.interface(name, doc, fields, None);
        self.offsets_and_reader(name, fields, None);
    }

    /// A record named `name` made of `L`'s fields followed by `counts`: its offsets (the counts'
    /// field at the first count), its type (documented by `doc`) and its reader.
    fn counted<L: Layout>(&mut self, name: &str, doc: &str, counts: Counts) {
        self.open_interface(name, doc, L::FIELDS, None);
        self.doc_indented("  ", counts.field.doc);
        let _ = writeln!(self.text, "  {}: {};", camel(counts.field.name), counts.table.counts_type());
        self.line("}");
        self.offsets_and_reader(name, L::FIELDS, Some(counts));
    }

    /// The reader of one count per code of `table`, which keeps the names with a count.
    fn counts_reader(&mut self, table: TableNames) {
        let (list, type_name) = (table.list, table.counts_type());
        self.doc(&format!(
            "Reads one count per code of `{list}` from `at`: the names with a count, in code order, in an object without a prototype."
        ));
        let _ = writeln!(
            self.text,
            "export function {}(numbers: ArrayLike<number>, at: number): {type_name} {{\n  const counts: {type_name} = Object.create(null);\n  {list}.forEach((name, code) => {{\n    if (numbers[at + code] !== 0) counts[name] = numbers[at + code];\n  }});\n  return counts;\n}}\n",
            table.counts_reader()
        );
    }

    /// A record made of `head`, the fields of the record `base`, and `tail`, in that order: its
    /// type extends `base`'s.
    fn composite(&mut self, name: &str, doc: &str, head: &[Field], base: (&str, &[Field]), tail: &[Field]) {
        let own: Vec<Field> = head.iter().chain(tail).copied().collect();
        self.interface(name, doc, &own, Some(base.0));
        let all: Vec<Field> = head.iter().chain(base.1).chain(tail).copied().collect();
        self.offsets_and_reader(name, &all, None);
    }

    /// The TypeScript interface of a record with `fields` (besides those of `base`).
    fn interface(&mut self, name: &str, doc: &str, fields: &[Field], base: Option<&str>) {
        self.open_interface(name, doc, fields, base);
        self.line("}");
    }

    /// The start of [`Module::interface`]: all but its closing brace.
    fn open_interface(&mut self, name: &str, doc: &str, fields: &[Field], base: Option<&str>) {
        self.doc(doc);
        let extends = base.map(|base| format!(" extends {base}")).unwrap_or_default();
        let _ = writeln!(self.text, "export interface {name}{extends} {{");
        for field in fields {
            self.doc_indented("  ", field.doc);
            let _ = writeln!(self.text, "  {}: number;", camel(field.name));
        }
    }

    /// Where each of `fields` (then `counts`, if any) sits in a record named `name`, and the reader
    /// of such a record.
    fn offsets_and_reader(&mut self, name: &str, fields: &[Field], counts: Option<Counts>) {
        let constant = screaming(name);
        let counted =
            counts.map(|c| format!(" (`{}`: one count per code of `{}`)", camel(c.field.name), c.table.list));
        self.doc(&format!(
            "Where each field of a `{name}` record sits{}, and how many numbers it takes.",
            counted.unwrap_or_default()
        ));
        let mut offsets: Vec<String> = fields
            .iter()
            .enumerate()
            .map(|(offset, field)| format!("{}: {offset}", camel(field.name)))
            .collect();
        offsets.extend(counts.map(|c| format!("{}: {}", camel(c.field.name), fields.len())));
        let _ = writeln!(
            self.text,
            "export const {constant} = {{ {}, length: {} }} as const;",
            offsets.join(", "),
            fields.len() + counts.map_or(0, |c| c.len)
        );
        self.doc(&format!("Reads the `{name}` record that starts at `at`."));
        let mut values: Vec<String> = fields
            .iter()
            .map(|f| format!("{}: numbers[at + {constant}.{}]", camel(f.name), camel(f.name)))
            .collect();
        values.extend(counts.map(|c| {
            let field = camel(c.field.name);
            format!("{field}: {}(numbers, at + {constant}.{field})", c.table.counts_reader())
        }));
        let _ = writeln!(
            self.text,
            "export function read{name}(numbers: ArrayLike<number>, at: number): {name} {{\n  return {{ {} }};\n}}\n",
            values.join(", ")
        );
    }

    /// `C`'s names in code order (`list`), its codes by name (`codes`) and the union of its names.
    fn table<C: CodeTable>(&mut self, list: &str, codes: &str, type_name: &str) {
        let quoted: Vec<String> = C::ALL.iter().map(|value| format!("'{}'", value.name())).collect();
        self.doc(&format!("{} Names in code order: a code is its position.", C::DOC));
        let _ = writeln!(self.text, "export const {list} = [{}] as const;", quoted.join(", "));
        self.doc(C::DOC);
        let _ = writeln!(self.text, "export type {type_name} = (typeof {list})[number];");
        self.doc(&format!("The code of each name of `{list}`."));
        let pairs: Vec<String> =
            C::ALL.iter().map(|value| format!("{}: {}", key(value.name()), value.code())).collect();
        let _ = writeln!(self.text, "export const {codes} = {{ {} }} as const;", pairs.join(", "));
        self.line("");
    }

    /// The object `name` of each of `entries`' defaults, each documented (groups nested).
    fn defaults(&mut self, name: &str, doc: &str, entries: &[Entry]) {
        self.doc(doc);
        let _ = writeln!(self.text, "export const {name} = {{");
        self.entries("  ", entries);
        self.line("} as const;");
        self.line("");
    }

    fn entries(&mut self, indent: &str, entries: &[Entry]) {
        for entry in entries {
            self.doc_indented(indent, entry.doc());
            if let Entry::Group(group) = entry {
                let _ = writeln!(self.text, "{indent}{}: {{", group.name);
                self.entries(&format!("{indent}  "), group.default);
                let _ = writeln!(self.text, "{indent}}},");
            } else {
                let _ = writeln!(self.text, "{indent}{}: {},", entry.name(), literal(entry));
            }
        }
    }

    fn verdicts(&mut self) {
        self.doc("What the raw receive and observe calls return besides an expected value (never negative).");
        self.line("export const VERDICT = {");
        for (name, value, doc) in verdict::ALL {
            self.doc_indented("  ", doc);
            let _ = writeln!(self.text, "  {name}: {value},");
        }
        self.line("} as const;");
        self.line("");
    }
}

/// `snake_case` as `camelCase`.
pub fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `CamelCase` as `SCREAMING_SNAKE_CASE`.
fn screaming(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// A name as an object key: quoted unless it is an identifier.
fn key(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        format!("'{name}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_convert_between_cases() {
        assert_eq!(camel("global_step"), "globalStep");
        assert_eq!(screaming("NodeStateRecord"), "NODE_STATE_RECORD");
        assert_eq!(key("queue-full"), "'queue-full'");
        assert_eq!(key("ERR_EMPTY"), "ERR_EMPTY");
    }

    /// Every generated module's text, one after another.
    fn typescript() -> String {
        modules().into_iter().map(|(_, text)| text).collect()
    }

    #[test]
    fn the_module_declares_every_layout_and_table() {
        let ts = typescript();
        assert!(ts.contains("export const ARRIVAL_EVENT = { kind: 0, messageId: 1, "));
        assert!(ts.contains(", hops: 8, unicast: 9, length: 10 } as const;"));
        assert!(ts.contains("export const TRACE_KINDS = ['send', 'accept',"));
        assert!(ts.contains(", 'queue-full': 8, "));
        assert!(ts.contains(
            "export function readTransferRecord(numbers: ArrayLike<number>, at: number): TransferRecord {"
        ));
    }

    #[test]
    fn observer_statistics_carry_one_count_per_anomaly_kind() {
        let ts = typescript();
        let kinds = AnomalyKind::ALL.len();
        assert!(ts.contains(&format!(
            "export const SENDER_STATISTICS = {{ total: 0, valid: 1, anomalies: 2, trust: 3, anomaliesByKind: 4, length: {} }} as const;",
            SenderTotals::LEN + kinds
        )));
        assert!(ts.contains(&format!(
            ", successRate: 3, anomaliesByKind: 4, length: {} }}",
            StatisticsTotals::LEN + kinds
        )));
        assert!(ts.contains(
            "anomaliesByKind: readAnomalyKindCounts(numbers, at + STATISTICS_TOTALS.anomaliesByKind) };"
        ));
        assert!(ts.contains("export function readAnomalyKindCounts(numbers: ArrayLike<number>, at: number): Partial<Record<AnomalyKind, number>> {"));
    }

    #[test]
    fn the_defaults_module_holds_the_declared_defaults() {
        let ts = defaults();
        assert!(ts.contains("export const NETWORK_OPTION_DEFAULTS = {\n  /** Seed of the one RNG"));
        assert!(ts.contains("  tickInterval: 100,\n"));
        assert!(ts.contains(
            "  links: {\n    /** Milliseconds on the link (a fixed latency). */\n    latency: 0,\n"
        ));
        assert!(ts.contains("  topology: 'full',\n"));
        assert!(ts.contains("  p: 0.1,\n"));
        assert_eq!(literal(&Entry::Group(crate::sim::defaults::CHURN)), "{ crash: 0, restart: 0 }");
    }

    /// The docs show each default as a table row (`| \`seed\` | \`0\` |`) or after the name in
    /// parentheses (`\`p\` (0.1)`, `\`skew\` (default 1000`).
    #[test]
    fn the_docs_show_the_declared_defaults() {
        use crate::sim::defaults::LINK_OPTIONS;
        let checks = [
            ("docs/api.md", NETWORK_OPTIONS),
            ("docs/api.md", LINK_OPTIONS),
            ("docs/api.md", TOPOLOGY_PARAMETERS),
            ("docs/api.md", BYZANTINE_PARAMETERS),
            ("docs/scenarios.md", SCENARIO_NODE_SETTINGS),
        ];
        for (file, entries) in checks {
            let doc = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            for entry in entries.iter().filter(|entry| !matches!(entry, Entry::Group(_))) {
                let (name, value) = (entry.name(), literal(entry));
                let double_quoted = value.replace('\'', "\"");
                let shown = [
                    format!("| `{name}` | `{value}` |"),
                    format!("`{name}` ({value}"),
                    format!("`{name}` ({double_quoted}"),
                    format!("`{name}` (default {value}"),
                ];
                assert!(
                    shown.iter().any(|form| doc.contains(form.as_str())),
                    "{file} shows no default {value} for {name}"
                );
            }
        }
    }

    #[test]
    fn the_checked_in_modules_are_up_to_date() {
        for (file, text) in modules() {
            let path = format!("{}/{DIR}/{file}", env!("CARGO_MANIFEST_DIR"));
            let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(checked_in == text, "{DIR}/{file} is stale: run `npm run gen`");
        }
    }
}
