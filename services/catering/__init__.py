"""The catering service: menus, kitchen capacity per meal period, orders and caterer tasks."""
