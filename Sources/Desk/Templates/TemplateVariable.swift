/// A value a template can be filled with, named in config the way an agent thinks of it.
public enum TemplateVariable: String, Sendable, Hashable, CaseIterable {
    case customerName = "customer.name"
    case customerFirstName = "customer.first_name"
    case company = "customer.company"
    case ticket = "ticket.id"
    case agent = "agent"
}
