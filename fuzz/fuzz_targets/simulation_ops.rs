//! Random operation sequences on a [`Simulation`] with settings drawn from the input: nodes
//! created and removed, broadcasts (single, batched, with payloads or sizes), unicasts, runs,
//! steps, partitions (two-way and one-way), crashes, restarts, pauses and resumes, byzantine
//! behaviour, drift, topologies, links (with bandwidths), keys and timers (a run stopped by timers
//! runs on later). After every call the live count matches what was created and removed, the
//! clock never goes back, tick statistics are finite, and watching observers' counts add up.
#![no_main]

use arbitrary::Arbitrary;
use data_mesh::auth::AuthMode;
use data_mesh::shape::read_shape;
use data_mesh::sim::byzantine::Byzantine;
use data_mesh::sim::engine::{SimConfig, Simulation};
use data_mesh::sim::latency::Latency;
use data_mesh::sim::link::LinkSpec;
use data_mesh::sim::options::NetworkOptions;
use data_mesh::sim::topology::Topology;
use data_mesh::Slot;
use data_mesh_fuzz::{check_simulation, checked, run_briefly, Made};
use libfuzzer_sys::fuzz_target;

/// The settings of the simulation, each within a range that keeps a run short.
#[derive(Debug, Arbitrary)]
struct Setup {
    seed: u8,
    tick_ms: u8,
    global_tick: bool,
    link: Link,
    topology: Topo,
    ttl: u8,
    fanout: u8,
    restart_keeps_step: bool,
    record_trace: bool,
    auto_sync: bool,
    max_step_skew: u8,
    traffic: u8,
    churn: (u8, u8),
    auth: u8,
}

impl Setup {
    /// The engine settings, read as `new MeshNetwork(options)` reads them (probabilities of
    /// traffic and churn at most 0.1 and 0.5), with this link and topology.
    fn config(&self) -> Option<SimConfig> {
        let options = serde_json::json!({
            "seed": self.seed,
            "tickInterval": 1 + self.tick_ms % 100,
            "globalTick": self.global_tick,
            "ttl": 1 + self.ttl % 8,
            "fanout": self.fanout % 4,
            "restartKeepsStep": self.restart_keeps_step,
            "recordTrace": self.record_trace,
            "autoSync": self.auto_sync,
            "maxStepSkew": self.max_step_skew,
            "traffic": f64::from(self.traffic) / 2550.0,
            "churn": { "crash": f64::from(self.churn.0) / 510.0, "restart": f64::from(self.churn.1) / 510.0 },
            "auth": AuthMode::ALL[usize::from(self.auth) % AuthMode::ALL.len()].name(),
        });
        let options = read_shape::<NetworkOptions>(&options, "").expect("the options are well formed");
        let mut config = options.to_config().expect("the options are in range");
        config.link = self.link.spec()?;
        config.topology = self.topology.topology();
        Some(config)
    }
}

/// A link: a latency distribution by index with two parameters in ms, and its other fields.
#[derive(Debug, Arbitrary)]
struct Link {
    kind: u8,
    a: u8,
    b: u8,
    jitter: u8,
    loss: u8,
    duplicate: u8,
    queue_limit: u8,
    bandwidth: u8,
}

impl Link {
    /// The link's behaviour, or `None` (the error checked) when its parameters are refused.
    fn spec(&self) -> Option<LinkSpec> {
        let kind = ["fixed", "uniform", "normal", "exponential"][usize::from(self.kind % 4)];
        let latency = checked(Latency::from_parts("link", kind, f64::from(self.a), f64::from(self.b)))?;
        let spec = LinkSpec {
            latency,
            jitter: f64::from(self.jitter % 16),
            loss: f64::from(self.loss) / 255.0,
            duplicate: f64::from(self.duplicate) / 255.0,
            queue_limit: u32::from(self.queue_limit % 8),
            bandwidth: f64::from(self.bandwidth % 4) * 250.0,
        };
        checked(spec.validate("link")).map(|()| spec)
    }
}

/// A topology by index, with small parameters.
#[derive(Debug, Arbitrary)]
struct Topo {
    kind: u8,
    n: u8,
    p: u8,
}

impl Topo {
    /// The topology (parameters out of range are left for `set_topology` to refuse).
    fn topology(&self) -> Topology {
        let (n, p) = (u32::from(self.n % 8), f64::from(self.p) / 200.0);
        match self.kind % 9 {
            0 => Topology::Full,
            1 => Topology::Ring,
            2 => Topology::Grid { columns: n },
            3 => Topology::Random { p },
            4 => Topology::RandomRegular { degree: n },
            5 => Topology::SmallWorld { degree: n, beta: p },
            6 => Topology::ScaleFree { m: n },
            7 => Topology::Edges,
            _ => Topology::Random { p: -p },
        }
    }
}

/// A byzantine behaviour by index (or honest).
#[derive(Debug, Arbitrary)]
struct Byz {
    kind: u8,
    claim: u8,
    skew: u8,
}

impl Byz {
    /// The behaviour.
    fn behaviour(&self) -> Option<Byzantine> {
        Some(match self.kind % 8 {
            0 => return None,
            1 => Byzantine::WrongPattern,
            2 => Byzantine::Replay,
            3 => {
                Byzantine::ForgedSender(self.claim.is_multiple_of(2).then(|| format!("n{}", self.claim / 2)))
            }
            4 => Byzantine::StepSkew(u64::from(self.skew)),
            5 => Byzantine::Tamper,
            6 => Byzantine::BlackHole,
            _ => Byzantine::Outsider,
        })
    }
}

/// One call on the simulation; slots are taken modulo a little more than the slot count, so
/// that most name a node and some name none.
#[derive(Debug, Arbitrary)]
enum Op {
    Create { id: u8, seed: u16, interval: u8 },
    Remove(u8),
    Broadcast(u8),
    BroadcastCarrying(u8, Vec<u8>),
    Batch(Vec<u8>),
    SendTo(u8, u8, Vec<u8>),
    Run(u8),
    RunUntil(u16),
    Step,
    RunBriefly,
    Partition(Vec<u8>, Vec<u8>),
    PartitionOneWay(Vec<u8>, Vec<u8>),
    Heal,
    Crash(u8),
    Restart(u8),
    Pause(u8),
    Resume(u8),
    SetByzantine(u8, Byz),
    SetDrift(u8, i8),
    SetTopology(Topo),
    SetEdges(Vec<(u8, u8)>),
    Connect(u8, u8),
    Disconnect(u8, u8),
    Neighbours(u8),
    SetDefaultLink(Link),
    SetLink(u8, u8, Link),
    SetListening(u8, bool),
    Sync(u8, u16),
    Receive(u8, f64, f64),
    SetMeshKey(Vec<u8>),
    SetNodeSecret(u8, Vec<u8>),
    SetPublicKey(u8, Vec<u8>),
    SetTimer(Option<u8>, u16),
    CancelTimer(u8),
    RunOn,
    Watch { seed: u16, interval: u8 },
    Unwatch(u8),
    Drain,
    BroadcastSized(u8, u16),
}

/// The settings, then the calls.
#[derive(Debug, Arbitrary)]
struct Input {
    setup: Setup,
    ops: Vec<Op>,
}

fuzz_target!(|input: Input| {
    let Some(config) = input.setup.config() else { return };
    let Some(mut sim) = checked(Simulation::new(config)) else { return };
    let mut made = Made::default();
    for op in input.ops {
        let slot = |sim: &Simulation, n: u8| Slot::from(n) % (sim.network().slot_count() as Slot + 2);
        let slots = |sim: &Simulation, ns: &[u8]| ns.iter().map(|&n| slot(sim, n)).collect::<Vec<_>>();
        let before = sim.now_us();
        match op {
            Op::Create { id, seed, interval } => {
                made.node(sim.network().slot_count(), (id, seed, interval), |c| sim.create_node(c));
            }
            Op::Remove(n) => made.removal(sim.remove_node(slot(&sim, n))),
            Op::Broadcast(n) => {
                checked(sim.broadcast(slot(&sim, n)));
            }
            Op::BroadcastCarrying(n, payload) => {
                drop(checked(sim.broadcast_carrying(slot(&sim, n), &payload)))
            }
            Op::Batch(senders) => {
                checked(sim.broadcast_batch(&slots(&sim, &senders)));
            }
            Op::SendTo(a, b, payload) => {
                let (a, b) = (slot(&sim, a), slot(&sim, b));
                checked(sim.send_to(a, b, &payload));
            }
            Op::Run(ticks) => sim.run(u64::from(ticks % 16)),
            Op::RunUntil(ms) => sim.run_until(sim.now_us() + u64::from(ms % 2000) * 1000),
            Op::Step => {
                sim.step();
            }
            Op::RunBriefly => run_briefly(&mut sim),
            Op::Partition(a, b) => {
                let (a, b) = (slots(&sim, &a), slots(&sim, &b));
                checked(sim.partition(&a, &b));
            }
            Op::PartitionOneWay(a, b) => {
                let (a, b) = (slots(&sim, &a), slots(&sim, &b));
                checked(sim.partition_one_way(&a, &b));
            }
            Op::Heal => sim.heal(),
            Op::Crash(n) => {
                checked(sim.crash(slot(&sim, n)));
            }
            Op::Restart(n) => {
                checked(sim.restart(slot(&sim, n)));
            }
            Op::Pause(n) => {
                checked(sim.pause(slot(&sim, n)));
            }
            Op::Resume(n) => {
                checked(sim.resume(slot(&sim, n)));
            }
            Op::SetByzantine(n, byz) => {
                checked(sim.set_byzantine(slot(&sim, n), byz.behaviour()));
            }
            Op::SetDrift(n, rate) => {
                checked(sim.set_drift(slot(&sim, n), f64::from(rate) / 10.0));
            }
            Op::SetTopology(topo) => {
                checked(sim.set_topology(topo.topology()));
            }
            Op::SetEdges(pairs) => {
                let pairs: Vec<(Slot, Slot)> =
                    pairs.iter().map(|&(a, b)| (slot(&sim, a), slot(&sim, b))).collect();
                checked(sim.set_edges(&pairs));
            }
            Op::Connect(a, b) => {
                checked(sim.connect(slot(&sim, a), slot(&sim, b)));
            }
            Op::Disconnect(a, b) => {
                checked(sim.disconnect(slot(&sim, a), slot(&sim, b)));
            }
            Op::Neighbours(n) => {
                let n = slot(&sim, n);
                if sim.network().is_alive(n) {
                    let neighbours = sim.neighbours(n);
                    assert!(
                        neighbours.iter().all(|&m| m != n && sim.network().is_alive(m)),
                        "{neighbours:?}"
                    );
                }
            }
            Op::SetDefaultLink(link) => {
                if let Some(spec) = link.spec() {
                    checked(sim.set_default_link(spec));
                }
            }
            Op::SetLink(a, b, link) => {
                if let Some(spec) = link.spec() {
                    checked(sim.set_link(slot(&sim, a), slot(&sim, b), spec));
                }
            }
            Op::SetListening(n, listening) => {
                let n = slot(&sim, n);
                if sim.network().is_alive(n) {
                    sim.set_listening(n, listening);
                }
            }
            Op::Sync(n, step) => {
                let n = slot(&sim, n);
                checked(sim.network_mut().sync(n, f64::from(step)));
            }
            Op::Receive(n, step, value) => {
                let n = slot(&sim, n);
                checked(sim.network_mut().receive(n, step, value));
            }
            Op::SetMeshKey(key) => {
                checked(sim.set_mesh_key(&key));
            }
            Op::SetNodeSecret(n, secret) => {
                checked(sim.set_node_secret(slot(&sim, n), &secret));
            }
            Op::SetPublicKey(n, public) => {
                checked(sim.set_public_key(slot(&sim, n), &public));
            }
            Op::Watch { seed, interval } => {
                if let Some(observer) = made.observer(seed, interval) {
                    sim.network_mut().watch(observer);
                }
            }
            Op::Unwatch(index) => sim.network_mut().unwatch(usize::from(index)),
            Op::SetTimer(owner, ms) => {
                let owner = owner.map(|n| slot(&sim, n));
                checked(sim.set_timer(u64::from(ms) * 1000, owner));
            }
            Op::CancelTimer(id) => sim.cancel_timer(u64::from(id)),
            Op::RunOn => {
                if let Some(until) = sim.paused_until() {
                    sim.run_until(until);
                }
            }
            Op::Drain => {
                sim.drain_timers().for_each(drop);
                sim.drain_events().for_each(drop);
                sim.drain_trace();
            }
            Op::BroadcastSized(n, size) => {
                checked(sim.broadcast_sized(slot(&sim, n), &[], u32::from(size)));
            }
        }
        check_simulation(&mut sim, made.live, before);
        made.check_observers();
    }
});
