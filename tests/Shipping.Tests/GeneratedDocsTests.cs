using OrderManagement.Shipping.Shipments;
using OrderManagement.TestKit;

namespace OrderManagement.Shipping.Tests;

// docs/state-machines/shipment.md is Stateless's export of this machine; regenerate with build/docs.sh.
public sealed class GeneratedDocsTests
{
    [Fact]
    public void Given_the_shipment_machine_When_exported_Then_docs_state_machines_shipment_md_is_current() =>
        StateMachineDocument.AssertCurrent("shipment", "Shipment", "src/Modules/Shipping/Shipping/Shipments/ShipmentStateMachine.cs",
            ShipmentStateMachine.For(Shipment.Create(Guid.Empty, [], "{}", DateTimeOffset.UnixEpoch)), ShipmentStateMachine.Refusals.Rows);
}
