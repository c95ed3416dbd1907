/** What a person types to confirm erasing their own account, and what an admin types to erase someone's data. */
export const SELF_ERASE_PHRASE = "delete my account";
export const ADMIN_ERASE_PHRASE = "erase";
