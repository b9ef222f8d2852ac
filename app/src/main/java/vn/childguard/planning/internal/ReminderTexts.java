package vn.childguard.planning.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.childguard.planning.Period;

/**
 * Texts of reminders and their e-mails, from the planning bundle. Generated text is Vietnamese (the
 * language of the agencies' correspondence) whatever the reader's UI language.
 */
@Component
class ReminderTexts {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    ReminderTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** "6 tháng đầu năm 2026", "năm 2025", "quý 3 năm 2026". */
    String period(Period period) {
        String key = switch (period.kind()) {
            case YEAR -> "planning.reminder.period.YEAR";
            case HALF_YEAR -> "planning.reminder.period.HALF_YEAR." + period.index();
            case QUARTER -> "planning.reminder.period.QUARTER";
        };
        return text(key, String.valueOf(period.year()), String.valueOf(period.index()));
    }

    /** The message of an automatic reminder, naming plan, task, period and due date. */
    String automatic(Reminder.Kind kind, Plan plan, PlanTask task, Period period, LocalDate due, LocalDate today) {
        long days = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(today, due));
        String key = kind == Reminder.Kind.OVERDUE ? "planning.reminder.overdue" : "planning.reminder.beforeDue";
        return text(key, plan.getCode(), task.getCode(), period(period), DAY.format(due), days);
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
