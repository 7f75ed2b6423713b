public import Desk

extension AppDatabase: TicketStore {}

extension AppDatabase: OutboxStore {}
