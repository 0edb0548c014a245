//! A JSON value read as each shape a caller hands the network (its options, a link, a topology,
//! a byzantine behaviour) and turned into engine settings: each either succeeds, giving settings
//! a simulation takes, or names the field at fault.
#![no_main]

use data_mesh::shape::read_shape;
use data_mesh::sim::byzantine::ByzantineOptions;
use data_mesh::sim::engine::Simulation;
use data_mesh::sim::options::{LinkOptions, NetworkOptions, TopologyOptions};
use data_mesh_fuzz::checked;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else { return };
    if let Some(options) = checked(read_shape::<NetworkOptions>(&value, "")) {
        if let Some(config) = checked(options.to_config()) {
            Simulation::new(config).expect("settings that to_config accepted make a simulation");
        }
    }
    if let Some(link) = checked(read_shape::<LinkOptions>(&value, "link")) {
        if let Some(spec) = checked(link.to_spec("link")) {
            spec.validate("link").expect("a link to_spec accepted is valid");
        }
    }
    if let Some(topology) = checked(read_shape::<TopologyOptions>(&value, "topology")) {
        if let Some(topology) = checked(topology.to_topology()) {
            topology.validate("topology").expect("a topology to_topology accepted is valid");
        }
    }
    if let Some(byzantine) = checked(read_shape::<ByzantineOptions>(&value, "behaviour")) {
        checked(byzantine.to_byzantine("behaviour"));
    }
});
