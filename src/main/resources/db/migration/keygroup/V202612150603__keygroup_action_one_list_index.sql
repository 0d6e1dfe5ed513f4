-- The whole city's list of members needing action is now read district by district from the district list's index
-- (keygroup_action_needing_district), so the city-wide index goes: every member entering the list (a whole roster's
-- first results: most of them) cost an entry in both.
drop index keygroup_action_needing;
