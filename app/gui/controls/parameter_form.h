#pragma once

#include "workloads/parameter_spec.h"

#include <QString>
#include <QWidget>

#include <vector>

class QFormLayout;
class QLabel;

namespace parlab::gui {

/// One control per ParameterSpec of a workload, generated, so a new workload needs no GUI code.
class ParameterForm : public QWidget {
    Q_OBJECT
public:
    explicit ParameterForm(QWidget* parent = nullptr);

    /// Replaces the controls with one per spec, each showing its default.
    void setSpecs(const std::vector<ParameterSpec>& specs);
    /// Every value as text, as the core's Parameters accepts it.
    [[nodiscard]] ParameterValues values() const;
    /// Sets the controls named in `values`; unknown names are ignored.
    void setValues(const ParameterValues& values);

    /// Shows `message` beside the parameter `name`; false when the form has no such parameter.
    bool showError(const std::string& name, const QString& message);
    /// Shows `message` beside the parameter whose name it contains; false when it names none.
    bool showErrorNamed(const QString& message);
    void clearErrors();

Q_SIGNALS:
    void edited();

private:
    struct Row {
        ParameterSpec spec;
        QWidget* control = nullptr;
        QLabel* error = nullptr;
    };

    QWidget* makeControl(const ParameterSpec& spec);
    static QString text(const Row& row);
    static void setText(const Row& row, const QString& value);

    QFormLayout* m_layout;
    std::vector<Row> m_rows;
};

} // namespace parlab::gui
