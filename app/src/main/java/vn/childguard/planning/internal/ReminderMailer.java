package vn.childguard.planning.internal;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyRef;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.Role;
import vn.childguard.planning.Period;
import vn.childguard.planning.ReminderSent;

/**
 * E-mails each new reminder to the recipient agency's enabled plan reporters, after the reminder's
 * transaction has committed, and marks it {@code emailed_at}. Only when SMTP is configured
 * ({@code spring.mail.host}); without it, the inbox is the only channel.
 * <p>
 * A failed delivery is logged as a warning and leaves {@code emailed_at} empty; the reminder stays
 * in the inbox, and the event is completed so that a permanently wrong address is not retried on
 * every restart. Every recipient gets a message of their own, so colleagues' addresses are not
 * disclosed. Reminders carry no personal data of children or victims, and neither do the mails;
 * addresses are never logged.
 */
@Component
class ReminderMailer {

    private static final Logger log = LoggerFactory.getLogger(ReminderMailer.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final ObjectProvider<JavaMailSender> mailSender;
    private final ReminderRepository reminders;
    private final PlanningService planning;
    private final OrganisationDirectory directory;
    private final AgencyCatalogue agencies;
    private final ReminderTexts texts;
    private final PlanningSettings settings;
    private final Clock clock;

    ReminderMailer(ObjectProvider<JavaMailSender> mailSender, ReminderRepository reminders, PlanningService planning,
                   OrganisationDirectory directory, AgencyCatalogue agencies, ReminderTexts texts,
                   PlanningSettings settings, Clock clock) {
        this.mailSender = mailSender;
        this.reminders = reminders;
        this.planning = planning;
        this.directory = directory;
        this.agencies = agencies;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReminderSent event) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        Reminder reminder = reminders.findById(event.reminderId()).orElse(null);
        if (reminder == null || reminder.getEmailedAt() != null) {
            return;
        }
        List<String> recipients = directory.emailsOf(reminder.getAgencyCode(), Role.PLAN_REPORTER);
        if (recipients.isEmpty()) {
            // common (most communes have no accounts yet), so not worth a line per reminder at info level
            log.debug("Reminder {} not e-mailed: agency {} has no enabled plan reporter with an e-mail address",
                    reminder.getId(), reminder.getAgencyCode());
            return;
        }
        String subject = subject(reminder);
        String body = body(reminder);
        MimeMessagePreparator[] messages = recipients.stream()
                .map(to -> (MimeMessagePreparator) message -> prepare(message, to, subject, body))
                .toArray(MimeMessagePreparator[]::new);
        try {
            sender.send(messages);
        } catch (MailException e) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            // the cause's class says enough (connection refused, authentication, ...); its text may echo addresses
            log.warn("Reminder {} not e-mailed to agency {}: {}", reminder.getId(), reminder.getAgencyCode(),
                    cause.getClass().getName());
            return;
        }
        reminder.markEmailed(clock.instant());
    }

    private void prepare(MimeMessage message, String to, String subject, String body) throws jakarta.mail.MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.mailFrom());
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(body);
    }

    private String subject(Reminder reminder) {
        return texts.text("planning.reminder.mail.subject." + reminder.getKind().name(), reminder.getTask().getCode());
    }

    private String body(Reminder reminder) {
        PlanTask task = reminder.getTask();
        Plan plan = task.getPlan();
        Period period = Period.parse(reminder.getPeriodCode());
        String agency = agencies.byCode(reminder.getAgencyCode()).map(AgencyRef::nameVi)
                .orElse(reminder.getAgencyCode());
        String sender = ReminderJob.SYSTEM.equals(reminder.getSentBy())
                ? texts.text("planning.reminder.mail.system") : reminder.getSentBy();
        return texts.text("planning.reminder.mail.body", agency, reminder.getMessage(), plan.getCode(), task.getCode(),
                texts.period(period), ReminderTexts.DAY.format(planning.due(plan, task, period)), sender,
                WHEN.format(LocalDateTime.ofInstant(reminder.getSentAt(), PlanningService.VIETNAM)));
    }
}
