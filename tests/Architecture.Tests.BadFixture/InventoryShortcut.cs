using OrderManagement.Inventory;

namespace OrderManagement.BadFixture;

// Violation: uses another module's implementation assembly, so the compiled assembly keeps the reference.
internal static class InventoryShortcut
{
    internal static readonly Type Module = typeof(InventoryModule);
}
